"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type UseMutationOptions, useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { type DefaultValues, type FieldValues, useForm } from "react-hook-form";
import type { z } from "zod";
import { useFormDraft } from "~/components/forms/use-draft";
import { applyServerErrors, conflictCurrent } from "./server-errors";

/** Someone saved the record after this form read it: what they saved, and the server's message. */
export interface EditConflict<TCurrent> {
  current: TCurrent;
  message: string;
}

export interface MutationFormOptions<
  TInput extends FieldValues,
  TOutput extends TVars,
  TVars,
  TData,
  TError,
  TContext,
  TCurrent,
> {
  /** The API's own input schema (from @meridian/domain), or a `.pick()` of it. */
  schema: z.ZodType<TOutput, TInput>;
  defaultValues: DefaultValues<TInput>;
  /** The tRPC mutation, e.g. `trpc.objectives.update.mutationOptions()`. */
  mutation: UseMutationOptions<TData, TError, TVars, TContext>;
  /** Marks the changed queries stale: after success, and after a conflict so the page shows the saved record. */
  invalidate?: () => Promise<void>;
  /** After the mutation succeeded and the queries were invalidated (close the form, navigate). */
  onSuccess?: (data: TData, values: TOutput) => void | Promise<void>;
  /**
   * For edit forms: the form values of the record as saved now (an edit conflict carries it in
   * `data.current`). With it, a conflict resets the form to that record, its version included, so the
   * next save applies to what is really there.
   */
  conflictValues?: (current: TCurrent) => TInput;
  /**
   * For forms with text a person writes (descriptions, comments): keeps the unsaved values as a
   * draft of `record` in the browser, restored when the form opens again, and asks before the page
   * is left (components/forms/use-draft.ts). With it, a conflict keeps the person's values and takes
   * the saved record's version, the record itself shown beside the form: nothing typed is dropped.
   */
  draft?: { record: string | null; what: string };
}

/**
 * A react-hook-form form that submits one tRPC mutation: client validation with the API's schema,
 * the server's field errors beside the fields, a form-level error, and edit conflicts.
 */
export function useMutationForm<
  TInput extends FieldValues,
  TOutput extends TVars,
  TVars,
  TData,
  TError,
  TContext,
  TCurrent = never,
>({
  schema,
  defaultValues,
  mutation: mutationOptions,
  invalidate,
  onSuccess,
  conflictValues,
  draft,
}: MutationFormOptions<TInput, TOutput, TVars, TData, TError, TContext, TCurrent>) {
  const form = useForm<TInput, unknown, TOutput>({ resolver: zodResolver(schema), defaultValues });
  const mutation = useMutation(mutationOptions);
  const kept = useFormDraft(form, draft?.record ?? null, draft?.what ?? "");
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<EditConflict<TCurrent> | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    setConflict(null);
    try {
      const data = await mutation.mutateAsync(values);
      kept.clear();
      await invalidate?.();
      await onSuccess?.(data, values);
    } catch (failure) {
      const current = conflictValues ? (conflictCurrent(failure) as TCurrent | null) : null;
      // Someone saved first: the form now holds their version (or, with a draft, the person's own
      // values on top of their version), and the page reads it again.
      if (current && conflictValues) {
        const theirs = conflictValues(current);
        form.reset(draft ? ({ ...form.getValues(), version: theirs.version } as TInput) : theirs, {
          keepDefaultValues: Boolean(draft),
        });
      }
      const message = applyServerErrors(failure, form.setError);
      if (current) {
        setConflict({ current, message: message ?? "" });
        await invalidate?.();
      } else {
        setError(message);
      }
    }
  });

  return {
    ...form,
    /** The form's onSubmit: validates, submits, and sorts the outcome. */
    onSubmit,
    /** The messages per field, client's and server's (`formState.errors`). */
    errors: form.formState.errors,
    /** True from submit until the mutation, the invalidation and onSuccess are done. */
    pending: form.formState.isSubmitting,
    /** The message about no particular field (field messages sit beside their fields); null during a conflict. */
    error,
    /** Set after an edit conflict, until the next submit. */
    conflict,
    mutation,
    /** True when the form opened with a draft left from an earlier visit. */
    draftRestored: kept.restored,
  };
}

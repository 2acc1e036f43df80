"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useTRPC } from "~/trpc/react";
import { browserStore, clearDraft, draftKey, readDraft, writeDraft } from "./draft-storage";
import { useUnsavedChangesGuard } from "./unsaved-changes";

/** The storage key of this person's draft of `record`; null until the signed-in user is known. */
export function useDraftKey(record: string | null): string | null {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const userId = me.data?.user.id;
  return userId && record ? draftKey(userId, record) : null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Keeps a react-hook-form form's unsaved values as a draft of `record` (a create form, a comment not
 * yet posted, a check-in, an edit form), gives them back when the form opens again, and asks before
 * the page is left while the form differs from what it started with. Call `clear` once it is saved.
 */
export function useFormDraft<T extends FieldValues>(
  // biome-ignore lint/suspicious/noExplicitAny: any resolver context and output type will do.
  form: UseFormReturn<T, any, any>,
  record: string | null,
  what: string,
) {
  const key = useDraftKey(record);
  const [restored, setRestored] = useState(false);
  const readFor = useRef<string | null>(null);
  const { reset, watch, formState } = form;

  useEffect(() => {
    if (!key || readFor.current === key) return;
    readFor.current = key;
    const draft = readDraft<T>(browserStore(), key);
    if (draft && !same(draft, formState.defaultValues)) {
      // Against the defaults it opened with, so the restored text counts as unsaved.
      reset(draft, { keepDefaultValues: true });
      setRestored(true);
    }
  }, [key, reset, formState]);

  useEffect(() => {
    if (!key) return;
    const subscription = watch((values) => {
      if (same(values, formState.defaultValues)) clearDraft(browserStore(), key);
      else writeDraft(browserStore(), key, values);
    });
    return () => subscription.unsubscribe();
  }, [key, watch, formState]);

  useUnsavedChangesGuard(record !== null && formState.isDirty && !formState.isSubmitSuccessful, what);

  const clear = useCallback(() => {
    if (key) clearDraft(browserStore(), key);
    setRestored(false);
  }, [key]);
  return { restored, clear };
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { type FieldValues, type UseFormReturn, useWatch } from "react-hook-form";
import { useTRPC } from "~/trpc/react";
import { browserStore, clearDraft, draftKey, readDraft, writeDraft } from "./draft-storage";
import { useUnsavedChangesGuard } from "./unsaved-changes";

/** The storage key of this person's draft of `record`; null until the signed-in user is known. */
export function useDraftKey(record: string | null): string | null {
  const trpc = useTRPC();
  // Asked only by a form that keeps drafts; usually already in the cache from the page.
  const me = useQuery({ ...trpc.me.get.queryOptions(), enabled: record !== null });
  const userId = me.data?.user.id;
  return userId && record ? draftKey(userId, record) : null;
}

/** JSON with keys sorted, so two forms of the same values compare equal whatever their key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

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
  const { reset, control, formState } = form;
  // What the form started from (or was last reset to): equal to it, there is nothing to keep.
  const defaults = useRef(formState.defaultValues);
  defaults.current = formState.defaultValues;

  useEffect(() => {
    if (!key || readFor.current === key) return;
    readFor.current = key;
    const draft = readDraft<T>(browserStore(), key);
    if (draft && !same(draft, defaults.current)) {
      // Against the defaults it opened with, so the restored text counts as unsaved.
      reset(draft, { keepDefaultValues: true });
      setRestored(true);
    }
  }, [key, reset]);

  // After each render, so a reset (a posted comment) has already become the new defaults. Dirty is
  // react-hook-form's own comparison with them, over the fields the form shows.
  const values = useWatch({ control });
  const dirty = formState.isDirty;
  useEffect(() => {
    if (!key || readFor.current !== key) return;
    if (dirty) writeDraft(browserStore(), key, values);
    else clearDraft(browserStore(), key);
  }, [key, values, dirty]);

  useUnsavedChangesGuard(record !== null && dirty && !formState.isSubmitSuccessful, what);

  const clear = useCallback(() => {
    if (key) clearDraft(browserStore(), key);
    setRestored(false);
  }, [key]);
  return { restored, clear };
}

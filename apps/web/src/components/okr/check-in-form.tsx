"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ZCheckInCreateSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFormDraft } from "~/components/forms/use-draft";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { KeyResultView } from "~/trpc/types";
import { CheckInFields } from "./check-in-fields";

// The same schema the API validates with, minus what the form fills in itself.
const ZCheckInFormSchema = ZCheckInCreateSchema.pick({ value: true, confidence: true, comment: true });
type CheckInFormInput = z.input<typeof ZCheckInFormSchema>;
type CheckInFormValues = z.output<typeof ZCheckInFormSchema>;

/** How the form closed: the row announces a save and puts focus back on its "Check in" button. */
export type CheckInOutcome = "saved" | "cancelled";

export function CheckInForm({
  keyResult: kr,
  onClose,
}: {
  keyResult: KeyResultView;
  onClose: (outcome: CheckInOutcome) => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateObjectives();
  // One key per submission attempt: a retry of the same attempt adds nothing.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = useForm<CheckInFormInput, unknown, CheckInFormValues>({
    resolver: zodResolver(ZCheckInFormSchema),
    defaultValues: { value: kr.currentValue ?? kr.startValue, confidence: kr.currentConfidence ?? 5, comment: "" },
  });
  const {
    register,
    handleSubmit,
    setFocus,
    watch,
    formState: { errors },
  } = form;
  // A check-in not yet saved (its note above all) is kept, and given back when the form opens again.
  const draft = useFormDraft(form, `check-in:${kr.id}`, `Check-in on ${kr.title}`);
  const checkIn = useMutation(
    trpc.checkIns.create.mutationOptions({
      onSuccess: async () => {
        draft.clear();
        await invalidate();
        onClose("saved");
      },
    }),
  );
  // Opened from its button: the keyboard goes straight to the first field.
  useEffect(() => setFocus("value"), [setFocus]);
  const onSubmit = handleSubmit((values) => checkIn.mutate({ ...values, keyResultId: kr.id, idempotencyKey }));

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Check in on ${kr.title}`}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onClose("cancelled");
      }}
      className="mt-3 grid gap-3 rounded-xl border border-indigo-100 bg-indigo-50/40 p-4 sm:grid-cols-[10rem_8rem_minmax(0,1fr)_auto]"
    >
      <CheckInFields
        milestone={kr.type === "milestone"}
        valueLabel="New value"
        commentPlaceholder="What moved this week?"
        fields={{
          value: register("value", { valueAsNumber: true }),
          confidence: register("confidence", { valueAsNumber: true }),
          comment: register("comment"),
        }}
        confidence={watch("confidence")}
        errors={errors}
        pending={checkIn.isPending}
        onCancel={() => onClose("cancelled")}
        cancelVariant="ghost"
        error={checkIn.error?.message}
      />
    </form>
  );
}

"use client";

import { EXPERIMENT_DECISION_LABELS } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Input, Textarea } from "~/components/ui/input";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { ExperimentPage } from "./types";

/**
 * After the conclusion: the result recorded as a check-in on the key result the experiment serves, through the
 * check-ins' own procedure (so the key result's own rules decide who may check in).
 */
export function RecordCheckIn({ page }: { page: ExperimentPage }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate("objectives");
  const { experiment } = page;
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [value, setValue] = useState("");
  const [confidence, setConfidence] = useState("7");
  const [comment, setComment] = useState(
    `Experiment “${experiment.name}” concluded: ${experiment.decision ? EXPERIMENT_DECISION_LABELS[experiment.decision] : ""}. ${experiment.decisionReason}`.trim(),
  );
  const create = useMutation(trpc.checkIns.create.mutationOptions());
  if (!experiment.keyResult || !experiment.decision) return null;
  if (create.data) return <Alert tone="success">Recorded on “{experiment.keyResult.title}”.</Alert>;
  return (
    <form
      aria-label="Record the result on the key result"
      className="space-y-3 rounded-xl border border-slate-200 p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        await create.mutateAsync({
          keyResultId: experiment.keyResult?.id ?? "",
          value: Number(value),
          confidence: Number(confidence),
          comment,
          idempotencyKey,
        });
        await invalidate();
      }}
    >
      <p className="text-sm font-medium text-slate-800">Record the result on “{experiment.keyResult.title}”</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="New value of the key result">
          {(id) => (
            <Input id={id} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} required />
          )}
        </Field>
        <Field label="Confidence (0–10)">
          {(id) => (
            <Input id={id} inputMode="numeric" value={confidence} onChange={(e) => setConfidence(e.target.value)} />
          )}
        </Field>
      </div>
      <Field label="Comment">
        {(id) => <Textarea id={id} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      {create.error && <Alert>{create.error.message}</Alert>}
      <Button type="submit" disabled={create.isPending || value.trim() === ""}>
        Record check-in
      </Button>
    </form>
  );
}

"use client";

import { EXPERIMENT_DECISION_LABELS, EXPERIMENT_DECISIONS, type ExperimentDecision } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Textarea } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { ExperimentPage } from "./types";

/** Start, stop or resume the experiment, and conclude it with a decision and its reason. */
export function ExperimentActions({ page }: { page: ExperimentPage }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate("experiments");
  const { experiment } = page;
  const setStatus = useMutation(trpc.experiments.setStatus.mutationOptions());
  const conclude = useMutation(trpc.experiments.conclude.mutationOptions());
  const treatments = page.variants.filter((v) => !v.isControl);
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<ExperimentDecision>("ship_winner");
  const [winner, setWinner] = useState(treatments[0]?.id ?? "");
  const [reason, setReason] = useState("");

  const move = async (status: "running" | "stopped") => {
    await setStatus.mutateAsync({ experimentId: experiment.id, version: experiment.version, status });
    await invalidate();
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {experiment.status !== "running" && (
          <Button variant="secondary" onClick={() => move("running")} disabled={setStatus.isPending}>
            {experiment.status === "draft" ? "Start experiment" : "Resume"}
          </Button>
        )}
        {experiment.status === "running" && (
          <Button variant="secondary" onClick={() => move("stopped")} disabled={setStatus.isPending}>
            Stop
          </Button>
        )}
        {experiment.status !== "draft" && (
          <Button onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            Conclude…
          </Button>
        )}
      </div>
      {setStatus.error && <Alert>{setStatus.error.message}</Alert>}
      {open && (
        <form
          className="space-y-3 rounded-xl border border-slate-200 p-4"
          onSubmit={async (e) => {
            e.preventDefault();
            await conclude.mutateAsync({
              experimentId: experiment.id,
              version: experiment.version,
              decision,
              reason,
              winnerVariantId: decision === "ship_winner" ? winner : null,
            });
            await invalidate();
            setOpen(false);
          }}
        >
          <Field label="Decision">
            {(id) => (
              <Select
                id={id}
                value={decision}
                onChange={(e) => setDecision(e.target.value as ExperimentDecision)}
                options={EXPERIMENT_DECISIONS.map((d) => ({ value: d, label: EXPERIMENT_DECISION_LABELS[d] }))}
              />
            )}
          </Field>
          {decision === "ship_winner" && (
            <Field label="Treatment to ship">
              {(id) => (
                <Select
                  id={id}
                  value={winner}
                  onChange={(e) => setWinner(e.target.value)}
                  options={treatments.map((t) => ({ value: t.id, label: t.name }))}
                />
              )}
            </Field>
          )}
          <Field label="Reason">
            {(id) => <Textarea id={id} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required />}
          </Field>
          {conclude.error && <Alert>{conclude.error.message}</Alert>}
          <Button type="submit" disabled={conclude.isPending}>
            Record the decision
          </Button>
        </form>
      )}
    </div>
  );
}

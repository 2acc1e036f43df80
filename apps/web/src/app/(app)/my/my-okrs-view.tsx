"use client";

import { useQuery } from "@tanstack/react-query";
import { KeyResultRow } from "~/components/okr/key-result-row";
import { ObjectiveCard } from "~/components/okr/objective-card";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

export function MyOkrsView() {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.objectives.mine.queryOptions());
  if (error) return <p role="alert">{error.message}</p>;
  if (data === undefined) return <p className="text-slate-500">Loading…</p>;
  if (data === null) return <p className={ui.card}>No cycle is open yet.</p>;

  return (
    <div className="space-y-8">
      <PageHeader kicker={`My OKRs · ${data.cycle.name}`} title="What I own this cycle" />

      <section aria-labelledby="due-heading" className={ui.card}>
        <h2 id="due-heading" className="text-base font-semibold">
          Check-ins due this week
        </h2>
        {data.dueCheckIns.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            You are up to date: every key result you own has a check-in from the last 7 days.
          </p>
        ) : (
          <ul aria-label="Check-ins due" className="mt-2 divide-y divide-slate-100">
            {data.dueCheckIns.map(({ keyResult, objective }) => (
              <KeyResultRow
                key={keyResult.id}
                keyResult={keyResult}
                expected={data.expected}
                objectiveTitle={objective.title}
              />
            ))}
          </ul>
        )}
      </section>

      {data.keyResultsElsewhere.length > 0 && (
        <section aria-labelledby="elsewhere-heading" className={ui.card}>
          <h2 id="elsewhere-heading" className="text-base font-semibold">
            My key results in other objectives
          </h2>
          <ul aria-label="My key results in other objectives" className="mt-2 divide-y divide-slate-100">
            {data.keyResultsElsewhere.map(({ keyResult, objective }) => (
              <KeyResultRow
                key={keyResult.id}
                keyResult={keyResult}
                expected={data.expected}
                objectiveTitle={objective.title}
              />
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="owned-heading" className="space-y-4">
        <h2 id="owned-heading" className="text-base font-semibold">
          My objectives
        </h2>
        {data.objectives.length === 0 ? (
          <p className="text-sm text-slate-600">You own no objectives in this cycle yet.</p>
        ) : (
          data.objectives.map((o) => <ObjectiveCard key={o.id} objective={o} expected={data.expected} standalone />)
        )}
      </section>
    </div>
  );
}

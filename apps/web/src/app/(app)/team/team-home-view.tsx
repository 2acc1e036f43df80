"use client";

import { useQuery } from "@tanstack/react-query";
import { ObjectiveCard } from "~/components/okr/objective-card";
import { Loading } from "~/components/okr/page-states";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

export function TeamHomeView() {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.objectives.teamAttention.queryOptions());
  if (error) return <p role="alert">{error.message}</p>;
  if (data === undefined) return <Loading />;
  if (data === null) return <p className={ui.card}>No cycle is open yet.</p>;

  return (
    <div className="space-y-8">
      <PageHeader kicker={`My teams · ${data.cycle.name}`} title="Team objectives" />

      <section aria-labelledby="attention-heading" className={ui.card}>
        <h2 id="attention-heading" className="text-base font-semibold">
          Needs attention
        </h2>
        {data.attention.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            Nothing needs you right now: every objective is on track and current.
          </p>
        ) : (
          <ul aria-label="Needs attention" className="mt-2 divide-y divide-slate-100">
            {data.attention.map((item) => (
              <li
                key={`${item.objectiveId}-${item.reason}`}
                className="flex items-center justify-between gap-4 py-2.5 text-sm"
              >
                <span>
                  <a href={`#objective-${item.objectiveId}`} className="font-medium text-slate-900 hover:underline">
                    {item.title}
                  </a>
                  {item.teamName && <span className="text-slate-500"> · {item.teamName}</span>}
                </span>
                <span className="shrink-0 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">
                  {item.reason}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="team-objectives-heading" className="space-y-4">
        <h2 id="team-objectives-heading" className="text-base font-semibold">
          Objectives of the teams I lead
        </h2>
        {data.objectives.length === 0 ? (
          <p className="text-sm text-slate-600">You lead no team with objectives in this cycle.</p>
        ) : (
          data.objectives.map((o) => (
            <div key={o.id} id={`objective-${o.id}`}>
              <ObjectiveCard objective={o} keyResults={o.keyResults} expected={data.expected} />
            </div>
          ))
        )}
      </section>
    </div>
  );
}

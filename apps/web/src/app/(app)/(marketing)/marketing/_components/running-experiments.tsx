"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

/** The experiments running now, each with its verdict so far, linking to its page. */
export function RunningExperiments() {
  const trpc = useTRPC();
  const running = useQuery(trpc.experiments.running.queryOptions({ limit: 10 }));
  const experiments = running.data?.experiments ?? [];
  return (
    <section className={ui.card} aria-labelledby="experiments-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="experiments-title" className="text-base font-semibold text-slate-900">
          Experiments running
        </h2>
        <Link href="/experiments" className="text-sm text-indigo-700 hover:underline">
          All experiments
        </Link>
      </div>
      {running.error && <p role="alert">{running.error.message}</p>}
      {running.data && experiments.length === 0 && (
        <p className="mt-2 text-sm text-slate-600">No experiment is running.</p>
      )}
      {experiments.length > 0 && (
        <ul className="mt-2 divide-y divide-slate-100">
          {experiments.map((e) => (
            <li key={e.id} className="py-2 text-sm">
              <div className="flex flex-wrap justify-between gap-2">
                <Link href={`/experiments/${e.id}`} className="font-medium text-indigo-700 hover:underline">
                  {e.name}
                </Link>
                <span className="text-slate-600">
                  {e.team.name}
                  {e.daysRunning !== null && ` · day ${e.daysRunning}`}
                </span>
              </div>
              <p className="mt-0.5 text-slate-600">{e.verdictText}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

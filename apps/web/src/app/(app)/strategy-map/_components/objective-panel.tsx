"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { StatusBadge } from "~/components/okr/status-badge";
import { StatusPill } from "~/components/scorecard/status-pill";
import type { MapObjective } from "~/components/strategy/types";
import { Button } from "~/components/ui/button";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

/**
 * An opened strategic objective: its KPIs for the map's quarter and the OKR
 * objectives of the current cycle aligned to it. Focus moves to its heading
 * when it opens; Escape or Close hands focus back to the map (the caller).
 */
export function ObjectivePanel({
  objective: o,
  period,
  onClose,
}: {
  objective: MapObjective;
  period: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const kpis = useQuery(trpc.scorecard.kpis.queryOptions({ strategicObjectiveId: o.id, period }));
  const okrs = useQuery(trpc.objectives.list.queryOptions({ strategicObjectiveId: o.id }));
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus the heading again when another objective opens.
  useEffect(() => heading.current?.focus(), [o.id]);
  const aligned = okrs.data?.objectives ?? [];

  return (
    <section
      aria-labelledby="opened-objective"
      className={`${ui.card} space-y-4`}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onClose();
      }}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-medium text-slate-600">Strategic objective · {o.owner.name}</p>
          <h2
            id="opened-objective"
            ref={heading}
            tabIndex={-1}
            className="text-lg font-semibold text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
          >
            {o.name}
          </h2>
          {o.description && <p className="mt-1 text-sm text-slate-600">{o.description}</p>}
        </div>
        <div className="flex items-center gap-3">
          <StatusPill status={o.status} score={o.score} />
          <Button variant="secondary" size="sm" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold text-slate-800">KPIs</h3>
          {!kpis.data ? (
            <p className="mt-1 text-sm text-slate-600">{kpis.error ? kpis.error.message : "Loading KPIs…"}</p>
          ) : kpis.data.kpis.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No KPI measures this objective yet.</p>
          ) : (
            <ul aria-label={`KPIs of ${o.name}`} className="mt-1 divide-y divide-slate-100">
              {kpis.data.kpis.map((k) => (
                <li key={k.id} className="flex items-center justify-between gap-3 py-1.5 text-sm">
                  <Link
                    href={`/kpis/${k.id}`}
                    className="min-w-0 truncate text-indigo-700 underline-offset-2 hover:underline"
                  >
                    {k.name}
                  </Link>
                  <StatusPill status={k.status} score={k.score} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="text-sm font-semibold text-slate-800">
            Aligned OKRs{okrs.data ? ` · ${okrs.data.cycle.name}` : ""}
          </h3>
          {!okrs.data ? (
            <p className="mt-1 text-sm text-slate-600">
              {okrs.error ? okrs.error.message : okrs.isPending ? "Loading objectives…" : "No cycle is open."}
            </p>
          ) : aligned.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No OKR objective of this cycle aligns to it.</p>
          ) : (
            <ul aria-label={`OKRs aligned to ${o.name}`} className="mt-1 divide-y divide-slate-100">
              {aligned.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-3 py-1.5 text-sm">
                  <Link
                    href={`/objectives/${a.id}`}
                    className="min-w-0 truncate text-indigo-700 underline-offset-2 hover:underline"
                  >
                    {a.title}
                  </Link>
                  <StatusBadge status={a.progressStatus} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

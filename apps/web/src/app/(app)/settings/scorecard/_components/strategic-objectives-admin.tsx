"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { StatusPill } from "~/components/scorecard/status-pill";
import { TitledCard } from "~/components/scorecard/titled-card";
import type { MapObjective, MapPerspective } from "~/components/strategy/types";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { useInvalidateStrategy } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import { EditStrategicObjectiveForm, NewStrategicObjectiveForm } from "./strategic-objective-form";

/** Objectives listed per perspective on arrival when it has many. */
const LISTED_AT_FIRST = 10;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Strategic objectives, grouped by perspective: add, edit, move and remove them. */
export function StrategicObjectivesAdmin() {
  const trpc = useTRPC();
  const map = useQuery(trpc.strategy.map.queryOptions({}));
  const me = useQuery(trpc.me.get.queryOptions());
  const [adding, setAdding] = useState<string | null>(null);
  // A perspective of many objectives lists its first ones until asked for all: the page arrives lean.
  const [showAll, setShowAll] = useState<ReadonlySet<string>>(new Set());
  if (!map.data) return null;
  const perspectives = map.data.perspectives;
  const options = perspectives.map((p) => ({ id: p.id, name: p.name }));

  return (
    <TitledCard
      title="Strategic objectives"
      aside={<p className="text-xs text-slate-500">Scores for {map.data.period.label}</p>}
    >
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Long-lived objectives of the strategy, each under one perspective. KPIs measure them and the quarter's OKR
        objectives align to them; draw their cause → effect links on the{" "}
        <Link href="/strategy-map" className="font-medium text-indigo-600 hover:underline">
          strategy map
        </Link>
        .
      </p>
      {perspectives.length === 0 && (
        <p className="mt-4 text-sm text-slate-500">Add a perspective first: every strategic objective sits in one.</p>
      )}
      <div className="mt-4 space-y-5">
        {perspectives.map((p) => (
          <section key={p.id} aria-labelledby={`objectives-of-${p.id}`}>
            <div className="flex items-center justify-between gap-3 border-b border-slate-100 pb-2">
              <h3 id={`objectives-of-${p.id}`} className="text-sm font-semibold text-slate-800">
                {p.name} <span className="font-normal text-slate-500">· {p.objectives.length}</span>
              </h3>
              {adding !== p.id && (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Add objective to ${p.name}`}
                  onClick={() => setAdding(p.id)}
                >
                  + Add objective
                </Button>
              )}
            </div>
            {adding === p.id && (
              <NewStrategicObjectiveForm
                perspectiveId={p.id}
                perspectiveName={p.name}
                perspectives={options}
                defaultOwnerId={me.data?.user.id ?? ""}
                onDone={() => setAdding(null)}
              />
            )}
            {p.objectives.length === 0 && adding !== p.id ? (
              <p className="py-3 text-sm text-slate-500">No strategic objectives in {p.name} yet.</p>
            ) : (
              <>
                <ul className="divide-y divide-slate-100">
                  {(showAll.has(p.id) || p.objectives.length <= LISTED_AT_FIRST + 5
                    ? p.objectives
                    : p.objectives.slice(0, LISTED_AT_FIRST)
                  ).map((o) => (
                    <ObjectiveRow key={o.id} objective={o} perspective={p} perspectives={options} />
                  ))}
                </ul>
                {!showAll.has(p.id) && p.objectives.length > LISTED_AT_FIRST + 5 && (
                  <Button
                    variant="secondary"
                    size="sm"
                    className="mt-2"
                    onClick={() => setShowAll((prev) => new Set(prev).add(p.id))}
                  >
                    Show all {p.objectives.length} objectives of {p.name}
                  </Button>
                )}
              </>
            )}
          </section>
        ))}
      </div>
    </TitledCard>
  );
}

function ObjectiveRow({
  objective: o,
  perspective,
  perspectives,
}: {
  objective: MapObjective;
  perspective: MapPerspective;
  perspectives: readonly { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateStrategy();
  const [editing, setEditing] = useState(false);
  const remove = useMutation(trpc.strategy.removeObjective.mutationOptions({ onSuccess: invalidate }));
  const consequences = [
    o.kpiCount ? `its ${plural(o.kpiCount, "KPI")} stay, unlinked` : null,
    o.alignedOkrCount ? `${plural(o.alignedOkrCount, "OKR objective")} lose their alignment` : null,
  ].filter(Boolean);

  return (
    <li aria-label={`Strategic objective ${o.name}`} className="py-3">
      <div className="flex flex-wrap items-start gap-3">
        {/* At least 14rem for the name: on a phone the status and actions go below it. */}
        <div className="min-w-0 flex-[1_1_14rem]">
          <p className="font-medium text-slate-900">{o.name}</p>
          {o.description && <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{o.description}</p>}
          <p className="mt-1 text-xs text-slate-500">
            {o.owner.name} · weight {o.weight} · {plural(o.kpiCount, "KPI")} ·{" "}
            {plural(o.alignedOkrCount, "aligned OKR objective")}
          </p>
        </div>
        <StatusPill status={o.status} score={o.score} />
        {!editing && (
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="secondary" size="sm" aria-label={`Edit ${o.name}`} onClick={() => setEditing(true)}>
              Edit
            </Button>
            <ConfirmAction
              size="sm"
              label="Remove"
              ariaLabel={`Remove ${o.name}`}
              question={`Remove “${o.name}”${consequences.length ? `? ${capitalise(consequences.join(" and "))}.` : "?"}`}
              confirmLabel="Yes, remove"
              pending={remove.isPending}
              onConfirm={() => remove.mutate({ strategicObjectiveId: o.id, version: o.version })}
            />
          </div>
        )}
      </div>
      {remove.error && (
        <div className="mt-2">
          <Alert>{remove.error.message}</Alert>
        </div>
      )}
      {editing && (
        <EditStrategicObjectiveForm
          objective={o}
          perspectiveId={perspective.id}
          perspectives={perspectives}
          onDone={() => setEditing(false)}
        />
      )}
    </li>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

"use client";

import type { KpiStatus } from "@meridian/domain";
import { Fragment } from "react";
import { DataTable, END } from "~/components/review/data-table";
import type { ReviewComparison } from "~/components/review/types";
import { StatusPill } from "~/components/scorecard/status-pill";
import { formatDelta } from "~/components/ui/format";
import { Section } from "~/components/ui/section";

type Delta = ReviewComparison["deltas"][number];

const KIND_LABELS: Record<Delta["kind"], string> = {
  scorecard: "Scorecard",
  perspective: "Perspective",
  objective: "Objective",
  kpi: "KPI",
  okr: "OKR",
};

const asStatus = (s: string | null): KpiStatus => (s === "red" || s === "amber" || s === "green" ? s : "no_data");

/** Score deltas against the previous review of the same scope, with red items new and resolved. */
export function ComparisonSection({
  comparison,
  unlinkedKpiIds,
}: {
  comparison: ReviewComparison | undefined;
  /** KPIs outside the strategy: grouped under their own heading, not under the objective listed last. */
  unlinkedKpiIds: ReadonlySet<string>;
}) {
  return (
    <Section
      title="Compared with the previous review"
      description={comparison?.previous ? `Against ${comparison.previous.title}.` : undefined}
    >
      {!comparison ? (
        <p className="mt-2 text-sm text-slate-500">Loading…</p>
      ) : !comparison.previous ? (
        <p className="mt-2 text-sm text-slate-500">
          There is no earlier review of this scope to compare with. The next quarter's review will be compared with this
          one.
        </p>
      ) : (
        <>
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <RedList title="New red" tone="rose" items={comparison.newRed} empty="Nothing turned red." />
            <RedList title="Resolved" tone="emerald" items={comparison.resolvedRed} empty="No red item recovered." />
          </div>
          <DataTable
            columns={["Item", "Before", "Now", ["Change", END]]}
            caption={`Score changes since ${comparison.previous.title}`}
            className="mt-5"
          >
            <tbody className="divide-y divide-slate-100">
              {comparison.deltas.map((d, i) => {
                const unlinked = d.kind === "kpi" && unlinkedKpiIds.has(d.id);
                const firstUnlinked =
                  unlinked &&
                  !(comparison.deltas[i - 1]?.kind === "kpi" && unlinkedKpiIds.has(comparison.deltas[i - 1]?.id ?? ""));
                return (
                  <Fragment key={`${d.kind}-${d.id}`}>
                    {firstUnlinked && (
                      <tr>
                        <th
                          scope="rowgroup"
                          colSpan={4}
                          className="pt-4 pb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
                        >
                          KPIs outside the strategy
                        </th>
                      </tr>
                    )}
                    <tr>
                      <th
                        scope="row"
                        className={`py-2 pr-3 font-normal ${d.kind === "kpi" ? "pl-4 text-slate-700" : "font-medium text-slate-900"}`}
                      >
                        <span className="mr-2 text-xs uppercase tracking-wide text-slate-500">
                          {KIND_LABELS[d.kind]}
                        </span>
                        {d.name}
                      </th>
                      <td className="py-2 pr-3">
                        {d.previousStatus === null ? (
                          <span className="text-xs text-slate-500">new</span>
                        ) : (
                          <StatusPill status={asStatus(d.previousStatus)} score={d.previousScore} />
                        )}
                      </td>
                      <td className="py-2 pr-3">
                        <StatusPill status={asStatus(d.currentStatus)} score={d.currentScore} />
                      </td>
                      <td className="py-2 text-right">
                        <DeltaArrow delta={d.delta} />
                      </td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </DataTable>
        </>
      )}
    </Section>
  );
}

function DeltaArrow({ delta }: { delta: number | null }) {
  if (delta === null) return <span className="text-slate-500">—</span>;
  const rounded = Math.round(delta * 10) / 10;
  const up = rounded > 0;
  const flat = rounded === 0;
  const tone = flat ? "text-slate-500" : up ? "text-emerald-700" : "text-rose-700";
  return (
    <span className={`inline-flex items-center gap-1 font-medium tabular-nums ${tone}`}>
      <span aria-hidden="true">{flat ? "→" : up ? "▲" : "▼"}</span>
      <span className="sr-only">{flat ? "unchanged" : up ? "up" : "down"}</span>
      {formatDelta(delta)}
    </span>
  );
}

function RedList({
  title,
  tone,
  items,
  empty,
}: {
  title: string;
  tone: "rose" | "emerald";
  items: Delta[];
  empty: string;
}) {
  const border = tone === "rose" ? "border-rose-200 bg-rose-50/50" : "border-emerald-200 bg-emerald-50/50";
  const heading = tone === "rose" ? "text-rose-800" : "text-emerald-800";
  return (
    <div className={`rounded-xl border p-4 ${border}`}>
      <h3 className={`text-sm font-semibold ${heading}`}>
        {title} <span className="font-normal">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm text-slate-800">
          {items.map((d) => (
            <li key={`${d.kind}-${d.id}`}>
              <span className="text-xs uppercase tracking-wide text-slate-500">{KIND_LABELS[d.kind]}</span> {d.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

"use client";

import {
  formatKpiValue,
  GREEN_FROM,
  KPI_DIRECTION_LABELS,
  quarterLabel,
  RED_BELOW,
  targetShareLabel,
} from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { type Column, ColumnHeads } from "~/components/scorecard/column-heads";
import { formatScore, KPI_STATUS_HEX } from "~/components/scorecard/status-colours";
import { StatusPill } from "~/components/scorecard/status-pill";
import type { ScorecardTree, TreeKpi, TreeObjective, TreePerspective, TrendPoint } from "~/components/scorecard/types";
import { ScrollBox } from "~/components/ui/scroll-box";
import { Sparkline } from "~/components/ui/sparkline";
import { Toggle } from "~/components/ui/toggle";
import { useTRPC } from "~/trpc/react";

const HEAD = "px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const COLUMNS: readonly Column[] = [
  "Name",
  { label: "Actual", right: true },
  { label: "Goal", right: true },
  { label: "Score", right: true },
  "Status",
  { label: "Trend", title: "Score over the last eight quarters" },
  { label: "Weight", right: true },
];
const CELL = "px-3 py-2 align-middle";
const NUM = `${CELL} text-right tabular-nums whitespace-nowrap`;

/**
 * The scorecard as a tree table: perspectives, their strategic objectives and
 * the KPIs measuring them, one row each, collapsible level by level.
 */
export function ScorecardTreeTable({ tree }: { tree: ScorecardTree }) {
  // Perspectives start open (in a large scorecard closed, their scores showing, so the page arrives lean);
  // strategic objectives start closed, and opening one loads its KPIs.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => collapsedAtFirst(tree));
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const flip = (set: (f: (prev: ReadonlySet<string>) => ReadonlySet<string>) => void, id: string) =>
    set((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const period = tree.period.start;
  const measured = tree.perspectives.flatMap((p) => p.objectives.filter((o) => o.kpiCount > 0).map((o) => o.id));

  const rows: ReactNode[] = [];
  for (const p of tree.perspectives) {
    rows.push(
      <PerspectiveRow
        key={p.id}
        perspective={p}
        collapsed={collapsed.has(p.id)}
        onToggle={() => flip(setCollapsed, p.id)}
      />,
    );
    if (collapsed.has(p.id)) continue;
    if (p.objectives.length === 0) {
      rows.push(
        <tr key={`${p.id}-empty`}>
          <td colSpan={7} className="py-2 pr-3 pl-12 text-sm text-slate-500 italic">
            No strategic objectives in this perspective yet.
          </td>
        </tr>,
      );
    }
    for (const o of p.objectives) {
      const open = opened.has(o.id);
      rows.push(<ObjectiveRow key={o.id} objective={o} collapsed={!open} onToggle={() => flip(setOpened, o.id)} />);
      if (open) rows.push(<ObjectiveKpiRows key={`${o.id}-kpis`} objectiveId={o.id} period={period} />);
    }
  }

  return (
    <section aria-labelledby="scorecard-table-title" className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
        <div>
          <h2 id="scorecard-table-title" className="text-base font-semibold text-slate-900">
            Scorecard · {tree.period.label}
          </h2>
          <p className="text-xs text-slate-500">
            Scores 0–10 by the goal / red-flag method; weighted means roll up. Open an objective to see its KPIs.
          </p>
        </div>
        <div className="flex gap-2">
          <button
            type="button"
            onClick={() => {
              setCollapsed(new Set());
              setOpened(new Set(measured));
            }}
            className="rounded-md border border-slate-200 px-2.5 py-1 text-xs font-medium text-slate-600 hover:bg-slate-50"
          >
            Expand all
          </button>
          <button
            type="button"
            onClick={() => {
              setOpened(new Set());
              setCollapsed(new Set(tree.perspectives.map((p) => p.id)));
            }}
            className="rounded-md border border-slate-200 px-2.5 py-1 text-xs font-medium text-slate-600 hover:bg-slate-50"
            disabled={tree.perspectives.length === 0}
          >
            Collapse all
          </button>
        </div>
      </div>
      <ScrollBox label={`Balanced scorecard for ${tree.period.label}`}>
        <table className="w-full min-w-[920px] table-fixed border-collapse text-sm">
          <caption className="sr-only">
            Balanced scorecard for {tree.period.label}: perspectives, strategic objectives and KPIs with actual, goal,
            score, status, eight-quarter trend and weight
          </caption>
          <Columns />
          <thead className="border-b border-slate-200 bg-slate-50/60">
            <ColumnHeads className={HEAD} columns={COLUMNS} />
          </thead>
          <tbody className="divide-y divide-slate-100">
            <ScorecardRow tree={tree} />
            {rows}
          </tbody>
        </table>
      </ScrollBox>
      {tree.unlinkedKpiCount > 0 ? <UnlinkedKpis count={tree.unlinkedKpiCount} period={period} /> : null}
    </section>
  );
}

/** Objective rows a scorecard shows on arrival, at most: past them, its perspectives start closed. */
const FIRST_OBJECTIVE_ROWS = 30;

function collapsedAtFirst(tree: ScorecardTree): ReadonlySet<string> {
  const total = tree.perspectives.reduce((n, p) => n + p.objectives.length, 0);
  if (total <= FIRST_OBJECTIVE_ROWS) return new Set();
  return new Set(tree.perspectives.map((p) => p.id));
}

/** An opened strategic objective's KPI rows, read when it is opened. */
function ObjectiveKpiRows({ objectiveId, period }: { objectiveId: string; period: string }) {
  const trpc = useTRPC();
  const kpis = useQuery(trpc.scorecard.kpis.queryOptions({ strategicObjectiveId: objectiveId, period }));
  if (!kpis.data) {
    return (
      <tr>
        <td colSpan={7} className="py-2 pr-3 pl-20 text-sm text-slate-500">
          {kpis.error ? kpis.error.message : "Loading KPIs…"}
        </td>
      </tr>
    );
  }
  return kpis.data.kpis.map((k) => <KpiRow key={k.id} kpi={k} depth={2} />);
}

function ScorecardRow({ tree }: { tree: ScorecardTree }) {
  return (
    <tr className="bg-indigo-50/50">
      <th scope="row" className={`${CELL} text-left font-semibold text-slate-900`}>
        <span className="pl-8">Overall scorecard</span>
      </th>
      <td className={NUM} />
      <td className={NUM} />
      <td className={`${NUM} text-base font-semibold text-slate-900`}>{formatScore(tree.score)}</td>
      <td className={CELL}>
        <StatusPill status={tree.status} />
      </td>
      <td className={CELL}>
        <ScoreTrend trend={tree.trend} label="Scorecard score trend" />
      </td>
      <td className={NUM} />
    </tr>
  );
}

function PerspectiveRow({
  perspective: p,
  collapsed,
  onToggle,
}: {
  perspective: TreePerspective;
  collapsed: boolean;
  onToggle: () => void;
}) {
  return (
    <tr className="bg-slate-50">
      <th scope="row" className={`${CELL} text-left`}>
        <span className="flex items-center gap-2">
          <Toggle name={p.name} collapsed={collapsed} onToggle={onToggle} />
          <span className="font-semibold text-slate-900">{p.name}</span>
          <span className="text-xs font-normal text-slate-500">
            {p.objectives.length} objective{p.objectives.length === 1 ? "" : "s"}
          </span>
        </span>
      </th>
      <td className={NUM} />
      <td className={NUM} />
      <td className={`${NUM} font-semibold text-slate-900`}>{formatScore(p.score)}</td>
      <td className={CELL}>
        <StatusPill status={p.status} />
      </td>
      <td className={CELL}>
        <ScoreTrend trend={p.trend} label={`${p.name} score trend`} />
      </td>
      <td className={`${NUM} text-slate-600`}>{formatWeight(p.weight)}</td>
    </tr>
  );
}

function ObjectiveRow({
  objective: o,
  collapsed,
  onToggle,
}: {
  objective: TreeObjective;
  collapsed: boolean;
  onToggle: () => void;
}) {
  return (
    <tr className="hover:bg-slate-50/60">
      <th scope="row" className={`${CELL} text-left font-normal`}>
        <span className="flex items-start gap-2 pl-6">
          {o.kpiCount > 0 ? (
            <Toggle name={o.name} collapsed={collapsed} onToggle={onToggle} count={o.kpiCount} />
          ) : (
            <span aria-hidden="true" className="inline-flex w-6 shrink-0" />
          )}
          <span className="min-w-0">
            <span className="block font-medium text-slate-800">{o.name}</span>
            <span className="block text-xs text-slate-500">
              {o.owner.name}
              {" · "}
              {o.kpiCount === 0 ? "no KPI yet" : `${o.kpiCount} KPI${o.kpiCount === 1 ? "" : "s"}`}
              {o.alignedOkrCount > 0 ? (
                <>
                  {" · "}
                  <span className="text-indigo-600">
                    {o.alignedOkrCount} aligned OKR{o.alignedOkrCount === 1 ? "" : "s"}
                  </span>
                </>
              ) : null}
            </span>
          </span>
        </span>
      </th>
      <td className={NUM} />
      <td className={NUM} />
      <td className={`${NUM} font-medium text-slate-800`}>{formatScore(o.score)}</td>
      <td className={CELL}>
        <StatusPill status={o.status} />
      </td>
      <td className={CELL}>
        <ScoreTrend trend={o.trend} label={`${o.name} score trend`} />
      </td>
      <td className={`${NUM} text-slate-600`}>{formatWeight(o.weight)}</td>
    </tr>
  );
}

function KpiRow({ kpi: k, depth }: { kpi: TreeKpi; depth: 0 | 2 }) {
  const target = formatKpiValue(k.goal, k.unit, k.kind);
  return (
    <tr className="hover:bg-slate-50/60">
      <th scope="row" className={`${CELL} text-left font-normal`}>
        <span className={`block ${depth === 2 ? "pl-[4.25rem]" : "pl-3"}`}>
          <Link
            href={`/kpis/${k.id}`}
            className="font-medium text-slate-800 hover:text-indigo-700 hover:underline focus-visible:text-indigo-700"
          >
            {k.name}
          </Link>
          <span className="block text-xs text-slate-500">
            {k.owner.name} · {KPI_DIRECTION_LABELS[k.direction].toLowerCase()}
            {k.kind === "campaigns" ? " · from campaigns" : k.kind !== "manual" ? " · computed" : ""}
          </span>
        </span>
      </th>
      <td className={`${NUM} ${k.actual === null ? "text-slate-500" : "text-slate-900"}`}>
        {k.actual === null ? "No data" : formatKpiValue(k.actual, k.unit, k.kind)}
      </td>
      <td className={`${NUM} text-slate-700`}>
        {target}
        <span className="block text-xs text-slate-500">red flag {formatKpiValue(k.redFlag, k.unit, k.kind)}</span>
        {k.targetShare && (
          <span className="block text-xs text-slate-500">{targetShareLabel(k.targetShare, k.frequency)}</span>
        )}
      </td>
      <td className={`${NUM} text-slate-800`}>{formatScore(k.score)}</td>
      <td className={CELL}>
        <StatusPill status={k.status} />
      </td>
      <td className={CELL}>
        <ScoreTrend trend={k.trend} label={`${k.name} score trend`} />
      </td>
      <td className={`${NUM} text-slate-600`}>{formatWeight(k.weight)}</td>
    </tr>
  );
}

function UnlinkedKpis({ count, period }: { count: number; period: string }) {
  const trpc = useTRPC();
  const [shown, setShown] = useState(false);
  const kpis = useQuery({
    ...trpc.scorecard.kpis.queryOptions({ strategicObjectiveId: null, period }),
    enabled: shown,
  });
  return (
    <div className="border-t border-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 pt-4 pb-2">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">KPIs outside the scorecard</h3>
          <p className="text-xs text-slate-500">
            Linked to no strategic objective (inputs of computed KPIs, for example): shown here, left out of every
            average.
          </p>
        </div>
        {!shown && (
          <button
            type="button"
            onClick={() => setShown(true)}
            className="rounded-md border border-slate-200 px-2.5 py-1 text-xs font-medium text-slate-600 hover:bg-slate-50"
          >
            Show {count} KPI{count === 1 ? "" : "s"}
          </button>
        )}
      </div>
      {shown && (
        <ScrollBox label="KPIs not linked to a strategic objective">
          <table className="w-full min-w-[920px] table-fixed border-collapse text-sm">
            <caption className="sr-only">KPIs not linked to a strategic objective</caption>
            <Columns />
            <thead className="sr-only">
              <ColumnHeads columns={COLUMNS.map((c) => (typeof c === "string" ? c : c.label))} />
            </thead>
            <tbody className="divide-y divide-slate-100">
              {kpis.data ? (
                kpis.data.kpis.map((k) => <KpiRow key={k.id} kpi={k} depth={0} />)
              ) : (
                <tr>
                  <td colSpan={7} className="px-5 py-2 text-sm text-slate-500">
                    {kpis.error ? kpis.error.message : "Loading KPIs…"}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}

/** The same column widths for both tables, so the KPIs outside the scorecard line up with the ones inside. */
function Columns() {
  return (
    <colgroup>
      <col />
      <col className="w-36" />
      <col className="w-32" />
      <col className="w-20" />
      <col className="w-28" />
      <col className="w-36" />
      <col className="w-20" />
    </colgroup>
  );
}

function formatWeight(weight: number): string {
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(1);
}

/**
 * A score trend on the fixed 0–10 scale, so trends compare across rows; faint bands mark the red and
 * green zones, a gap marks a quarter without data, the last point carries its status colour, and the
 * label reads the numbers out.
 */
function ScoreTrend({ trend, label }: { trend: readonly TrendPoint[]; label: string }) {
  const spoken = trend
    .map((p) => `${quarterLabel(p.quarter)} ${p.score === null ? "no data" : formatScore(p.score)}`)
    .join(", ");
  const last = trend.findLast((p) => p.score !== null);
  return (
    <Sparkline
      values={trend.map((p) => p.score)}
      label={`${label}: ${spoken}`}
      domain={SCORE_DOMAIN}
      bands={SCORE_BANDS}
      lastDot={last ? KPI_STATUS_HEX[last.status] : undefined}
    />
  );
}

const SCORE_DOMAIN = [0, 10] as const;
const SCORE_BANDS = [
  { from: GREEN_FROM, to: 10, className: "fill-emerald-50" },
  { from: 0, to: RED_BELOW, className: "fill-rose-50" },
] as const;

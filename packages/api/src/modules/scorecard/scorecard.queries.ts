import { and, asc, type Executor, eq, isNull, kpis, strategicObjectives, users } from "@meridian/db";
import {
  buildReviewSnapshot,
  KPI_STATUSES,
  type KpiPresentation,
  type KpiStatus,
  type Period,
  quarterContaining,
  quarterLabel,
  quartersEndingAt,
  type ScorecardResult,
  scoreKpi,
  scoreScorecard,
  selectableQuarters,
  todayIso,
  type ZScorecardKpisSchema,
  type ZScorecardPeriodSchema,
} from "@meridian/domain";
import type { z } from "zod";
import type { OrgScope } from "../../lib/scope";
import { alignedOkrCounts } from "./aligned-okr-counts";
import { kpiColumns } from "./kpi-rows";
import { forHistory } from "./kpis.queries";
import { loadScorecard, quartersWithActuals } from "./load-scorecard";

/** The tree and the heat map show this many quarters, ending with the chosen one. */
const TREND_QUARTERS = 8;

const quarterOf = (period: Period) => ({ start: period.start, end: period.end, label: quarterLabel(period) });

interface TrendPoint {
  quarter: string;
  score: number | null;
  status: KpiStatus;
}

/**
 * Scores the chosen quarter and the seven before it, once each, from one load:
 * every number on the page comes from the domain's scoreScorecard.
 */
async function scoreQuarters(db: Executor, organizationId: string, day: string) {
  const quarters = quartersEndingAt(day, TREND_QUARTERS);
  const first = quarters[0];
  const last = quarters.at(-1);
  if (!first || !last) throw new Error("no quarter to score");
  const [index, withActuals] = await Promise.all([
    loadScorecard(db, organizationId, { window: { start: first.start, end: last.end } }),
    quartersWithActuals(db, organizationId),
  ]);
  const today = todayIso();
  const results = quarters.map((q) => scoreScorecard(index, q, today));
  const chosen = results.at(-1);
  if (!chosen) throw new Error("no quarter to score");
  return { quarters, results, chosen, availableQuarters: selectableQuarters(withActuals, today) };
}

/** Each node's score per quarter (oldest first), by id, so any level finds its trend. */
function trendsById(results: ScorecardResult[]) {
  const scores = new Map<string, TrendPoint[]>();
  const add = (id: string, quarter: string, node: { score: number | null; status: KpiStatus }) => {
    const list = scores.get(id) ?? [];
    list.push({ quarter, score: node.score, status: node.status });
    scores.set(id, list);
  };
  for (const r of results) {
    const quarter = r.period.start;
    for (const p of r.perspectives) {
      add(p.id, quarter, p);
      for (const o of p.objectives) add(o.id, quarter, o);
    }
  }
  return { scores };
}

type PeriodInput = z.output<typeof ZScorecardPeriodSchema>;

/**
 * The scored tree for one quarter, lean: scorecard → perspectives → strategic
 * objectives, each with its score, eight-quarter trend and how many KPIs measure
 * it. The KPIs themselves come with `scorecardKpis` when an objective is opened.
 * Missing data stays missing (score null, status "no_data") at every level.
 */
export async function scorecardTree(scope: OrgScope, input: PeriodInput) {
  const day = input.period ?? todayIso();
  const [{ quarters, results, chosen, availableQuarters }, objectiveRows, alignedById] = await Promise.all([
    scoreQuarters(scope.db, scope.org.id, day),
    scope.db
      .select({
        id: strategicObjectives.id,
        description: strategicObjectives.description,
        ownerId: strategicObjectives.ownerId,
        ownerName: users.name,
      })
      .from(strategicObjectives)
      .innerJoin(users, eq(users.id, strategicObjectives.ownerId))
      .where(eq(strategicObjectives.organizationId, scope.org.id)),
    alignedOkrCounts(scope.db, scope.org.id),
  ]);
  const { scores } = trendsById(results);
  const objectiveById = new Map(objectiveRows.map((o) => [o.id, o]));
  const trend = (id: string) => scores.get(id) ?? [];

  return {
    period: quarterOf(chosen.period),
    quarters: quarters.map(quarterOf),
    availableQuarters,
    score: chosen.score,
    status: chosen.status,
    trend: results.map((r) => ({ quarter: r.period.start, score: r.score, status: r.status })),
    perspectives: chosen.perspectives.map((p) => ({
      id: p.id,
      name: p.name,
      weight: p.weight,
      score: p.score,
      status: p.status,
      trend: trend(p.id),
      objectives: p.objectives.map((o) => {
        const row = objectiveById.get(o.id);
        return {
          id: o.id,
          name: o.name,
          description: row?.description ?? "",
          owner: { id: row?.ownerId ?? "", name: row?.ownerName ?? "" },
          weight: o.weight,
          score: o.score,
          status: o.status,
          trend: trend(o.id),
          alignedOkrCount: alignedById.get(o.id) ?? 0,
          kpiCount: o.kpis.length,
        };
      }),
    })),
    unlinkedKpiCount: chosen.unlinkedKpis.length,
    /** The KPIs measuring a strategic objective, by their status this quarter. */
    kpiStatuses: statusCounts(chosen.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis))),
  };
}

function statusCounts(scored: readonly { status: KpiStatus }[]): Record<KpiStatus, number> {
  const counts = Object.fromEntries(KPI_STATUSES.map((s) => [s, 0])) as Record<KpiStatus, number>;
  for (const k of scored) counts[k.status] += 1;
  return counts;
}

/**
 * The KPIs measuring one strategic objective (or, for null, those linked to
 * none), each scored for the chosen quarter with its eight-quarter trend: what
 * opening an objective of the tree shows. Reads only these KPIs, their inputs
 * and their actuals in the quarters shown.
 */
export async function scorecardKpis(scope: OrgScope, input: z.output<typeof ZScorecardKpisSchema>) {
  const today = todayIso();
  const quarters = quartersEndingAt(input.period ?? today, TREND_QUARTERS);
  const first = quarters[0];
  const last = quarters.at(-1);
  if (!first || !last) throw new Error("no quarter to score");
  const rows = await scope.db
    .select({ kpi: kpiColumns, ownerName: users.name })
    .from(kpis)
    .innerJoin(users, eq(users.id, kpis.ownerId))
    .where(
      and(
        eq(kpis.organizationId, scope.org.id),
        isNull(kpis.archivedAt),
        input.strategicObjectiveId === null
          ? isNull(kpis.strategicObjectiveId)
          : eq(kpis.strategicObjectiveId, input.strategicObjectiveId),
      ),
    )
    .orderBy(asc(kpis.name), asc(kpis.id));
  if (rows.length === 0) return { kpis: [] };
  const kpiIds = new Set(rows.flatMap(({ kpi }) => [kpi.id, kpi.inputAId, kpi.inputBId]).filter((id) => id !== null));
  const index = await loadScorecard(scope.db, scope.org.id, {
    window: { start: first.start, end: last.end },
    kpiIds: [...kpiIds],
  });
  return {
    kpis: rows.map(({ kpi, ownerName }) => {
      const scored = quarters.map((q) => scoreKpi(index, forHistory(kpi), q, today));
      const current = scored.at(-1);
      return {
        id: kpi.id,
        name: kpi.name,
        unit: kpi.unit,
        direction: kpi.direction,
        frequency: kpi.frequency,
        kind: kpi.kind,
        owner: { id: kpi.ownerId, name: ownerName },
        weight: kpi.weight,
        actual: current?.actual ?? null,
        goal: current?.goal ?? kpi.goal,
        redFlag: current?.redFlag ?? kpi.redFlag,
        targetShare: current?.targetShare ?? null,
        score: current?.score ?? null,
        status: current?.status ?? "no_data",
        trend: scored.map((k, i) => ({
          quarter: quarters[i]?.start ?? "",
          score: k.score,
          status: k.status,
          actual: k.actual,
        })),
      };
    }),
  };
}

/** Perspectives (rows) × the eight quarters ending with the chosen one (columns), and the scorecard's own row. */
export async function scorecardHeatMap(scope: OrgScope, input: PeriodInput) {
  const { quarters, results, chosen } = await scoreQuarters(scope.db, scope.org.id, input.period ?? todayIso());
  const { scores } = trendsById(results);
  const cells = (points: TrendPoint[]) => points.map(({ score, status }) => ({ score, status }));
  return {
    quarters: quarters.map(quarterOf),
    rows: chosen.perspectives.map((p) => ({
      id: p.id,
      name: p.name,
      weight: p.weight,
      cells: cells(scores.get(p.id) ?? []),
    })),
    overall: results.map((r) => ({ score: r.score, status: r.status })),
  };
}

/**
 * The whole scorecard scored for the one quarter holding `day`, down to its KPIs, each with its unit,
 * direction and kind: the shape a review's snapshot stores, built by the same load, scoring and
 * `buildReviewSnapshot`, so the REST API answers a live quarter and a review alike. Reads only that
 * quarter's actuals and overrides.
 */
export async function scorecardQuarter(scope: OrgScope, day: string) {
  const quarter = quarterContaining(day);
  const [index, kpiRows] = await Promise.all([
    loadScorecard(scope.db, scope.org.id, { window: quarter }),
    scope.db
      .select({ id: kpis.id, unit: kpis.unit, direction: kpis.direction, kind: kpis.kind })
      .from(kpis)
      .where(and(eq(kpis.organizationId, scope.org.id), isNull(kpis.archivedAt))),
  ]);
  const presentation = new Map<string, KpiPresentation>(
    kpiRows.map((k) => [k.id, { unit: k.unit, direction: k.direction, kind: k.kind }]),
  );
  const scored = scoreScorecard(index, quarter, todayIso());
  return buildReviewSnapshot({ takenAt: new Date(), scorecard: scored, kpis: presentation, okrs: [] }).scorecard;
}

/** The quarters the scorecard can be read for, newest first: those holding any actual, and today's. */
export async function scorecardQuarters(scope: OrgScope) {
  return selectableQuarters(await quartersWithActuals(scope.db, scope.org.id), todayIso());
}

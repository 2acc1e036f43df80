import { and, type Executor, eq, isNull, kpis, strategicObjectives, users } from "@meridian/db";
import {
  type KpiStatus,
  type Period,
  quarterLabel,
  quartersEndingAt,
  type ScorecardResult,
  type ScoredKpi,
  scoreScorecard,
  selectableQuarters,
  todayIso,
  type ZScorecardPeriodSchema,
} from "@meridian/domain";
import type { z } from "zod";
import type { OrgScope } from "../../lib/scope";
import { alignedOkrCounts } from "./aligned-okr-counts";
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
  const results = quarters.map((q) => scoreScorecard(index, q));
  const chosen = results.at(-1);
  if (!chosen) throw new Error("no quarter to score");
  return { quarters, results, chosen, availableQuarters: selectableQuarters(withActuals, todayIso()) };
}

/** Each node's score per quarter (oldest first), by id, so any level finds its trend. */
function trendsById(results: ScorecardResult[]) {
  const scores = new Map<string, TrendPoint[]>();
  const actuals = new Map<string, (number | null)[]>();
  const add = (id: string, quarter: string, node: { score: number | null; status: KpiStatus }) => {
    const list = scores.get(id) ?? [];
    list.push({ quarter, score: node.score, status: node.status });
    scores.set(id, list);
  };
  const addKpi = (quarter: string, k: ScoredKpi) => {
    add(k.id, quarter, k);
    actuals.set(k.id, [...(actuals.get(k.id) ?? []), k.actual]);
  };
  for (const r of results) {
    const quarter = r.period.start;
    for (const p of r.perspectives) {
      add(p.id, quarter, p);
      for (const o of p.objectives) {
        add(o.id, quarter, o);
        for (const k of o.kpis) addKpi(quarter, k);
      }
    }
    for (const k of r.unlinkedKpis) addKpi(quarter, k);
  }
  return { scores, actuals };
}

type PeriodInput = z.output<typeof ZScorecardPeriodSchema>;

/**
 * The scored tree for one quarter: scorecard → perspectives → strategic
 * objectives → KPIs, each with its eight-quarter trend. Missing data stays
 * missing (score null, status "no_data") at every level.
 */
export async function scorecardTree(scope: OrgScope, input: PeriodInput) {
  const day = input.period ?? todayIso();
  const [{ quarters, results, chosen, availableQuarters }, kpiRows, objectiveRows, alignedById] = await Promise.all([
    scoreQuarters(scope.db, scope.org.id, day),
    scope.db
      .select({
        id: kpis.id,
        unit: kpis.unit,
        direction: kpis.direction,
        frequency: kpis.frequency,
        kind: kpis.kind,
        ownerId: kpis.ownerId,
        ownerName: users.name,
      })
      .from(kpis)
      .innerJoin(users, eq(users.id, kpis.ownerId))
      .where(and(eq(kpis.organizationId, scope.org.id), isNull(kpis.archivedAt))),
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
  const { scores, actuals } = trendsById(results);
  const kpiById = new Map(kpiRows.map((k) => [k.id, k]));
  const objectiveById = new Map(objectiveRows.map((o) => [o.id, o]));
  const trend = (id: string) => scores.get(id) ?? [];

  const kpiNode = (k: ScoredKpi) => {
    const row = kpiById.get(k.id);
    const actualTrend = actuals.get(k.id) ?? [];
    return {
      id: k.id,
      name: k.name,
      unit: row?.unit ?? "",
      direction: row?.direction ?? "higher_is_better",
      frequency: row?.frequency ?? "monthly",
      kind: row?.kind ?? "manual",
      owner: { id: row?.ownerId ?? "", name: row?.ownerName ?? "" },
      weight: k.weight,
      actual: k.actual,
      goal: k.goal,
      redFlag: k.redFlag,
      targetShare: k.targetShare,
      score: k.score,
      status: k.status,
      trend: trend(k.id).map((t, i) => ({ ...t, actual: actualTrend[i] ?? null })),
    };
  };

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
          kpis: o.kpis.map(kpiNode),
        };
      }),
    })),
    unlinkedKpis: chosen.unlinkedKpis.map(kpiNode),
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

import { hasOwnValues, type Period, periodsWithin, quartersEndingAt } from "@meridian/domain";
import { and, eq, inArray } from "drizzle-orm";
import { chunk } from "../chunk";
import type { Executor } from "../client";
import {
  kpiActuals,
  kpiBenchmarks,
  kpis,
  kpiTargets,
  objectives,
  perspectives,
  strategicObjectives,
  strategyLinks,
} from "../schema";
import {
  DEMO_BENCHMARK_SOURCES,
  DEMO_BENCHMARKED_KPIS,
  DEMO_KPI_TARGETS,
  DEMO_KPIS,
  DEMO_OBJECTIVE_ALIGNMENT,
  DEMO_PERSPECTIVES,
  DEMO_STRATEGIC_OBJECTIVES,
  DEMO_STRATEGY_LINKS,
  type DemoKpi,
  type ScoreStory,
} from "./scorecard-data";

/** Eight finished quarters and the current one. */
export const SEEDED_QUARTERS = 9;
const LAST_FINISHED = SEEDED_QUARTERS - 2;

export interface ScorecardSeedOptions {
  organizationId: string;
  /** Demo user key → user id. */
  userId: Map<string, string>;
  now: Date;
}

/**
 * Writes the demo scorecard: perspectives, strategic objectives and their
 * strategy map, KPIs with eight quarters of actuals plus the current quarter
 * so far, a few target overrides and competitors' benchmarks; then aligns
 * some of the cycle's OKR objectives to it. Bulk inserts, a dozen statements.
 */
export async function seedDemoScorecard(tx: Executor, options: ScorecardSeedOptions): Promise<void> {
  const { organizationId } = options;
  const user = (key: string) => need(options.userId, key, "user");
  const today = options.now.toISOString().slice(0, 10);
  const quarters = quartersEndingAt(today, SEEDED_QUARTERS);

  const perspectiveRows = await tx
    .insert(perspectives)
    .values(DEMO_PERSPECTIVES.map((p, position) => ({ organizationId, name: p.name, position, weight: p.weight })))
    .returning({ id: perspectives.id, name: perspectives.name });
  const perspectiveId = new Map(
    DEMO_PERSPECTIVES.map((p) => [p.key, perspectiveRows.find((r) => r.name === p.name)?.id ?? ""]),
  );

  const objectiveRows = await tx
    .insert(strategicObjectives)
    .values(
      DEMO_STRATEGIC_OBJECTIVES.map((o) => ({
        organizationId,
        perspectiveId: need(perspectiveId, o.perspective, "perspective"),
        name: o.name,
        description: o.description,
        ownerId: user(o.owner),
        weight: o.weight,
      })),
    )
    .returning({ id: strategicObjectives.id, name: strategicObjectives.name });
  const objectiveId = new Map(
    DEMO_STRATEGIC_OBJECTIVES.map((o) => [o.key, objectiveRows.find((r) => r.name === o.name)?.id ?? ""]),
  );
  await tx.insert(strategyLinks).values(
    DEMO_STRATEGY_LINKS.map((l) => ({
      organizationId,
      causeId: need(objectiveId, l.cause, "strategic objective"),
      effectId: need(objectiveId, l.effect, "strategic objective"),
    })),
  );

  // KPIs with values of their own first: computed ones name them as inputs.
  const kpiId = new Map<string, string>();
  const writeKpis = async (list: DemoKpi[]) => {
    if (list.length === 0) return;
    const rows = await tx
      .insert(kpis)
      .values(
        list.map((k) => ({
          organizationId,
          name: k.name,
          description: k.description,
          unit: k.unit,
          direction: k.direction,
          frequency: k.frequency,
          aggregation: k.aggregation,
          goal: k.goal,
          redFlag: k.redFlag,
          ownerId: user(k.owner),
          strategicObjectiveId: k.objective ? need(objectiveId, k.objective, "strategic objective") : null,
          weight: k.weight,
          kind: k.kind,
          inputAId: k.inputs ? need(kpiId, k.inputs.a, "KPI") : null,
          inputBId: k.inputs ? need(kpiId, k.inputs.b, "KPI") : null,
          campaignMeasure: k.campaignSource?.measure ?? null,
          campaignChannel: k.campaignSource?.channel ?? null,
          currency: k.campaignSource?.currency ?? null,
        })),
      )
      .returning({ id: kpis.id, name: kpis.name });
    for (const k of list) kpiId.set(k.key, rows.find((r) => r.name === k.name)?.id ?? "");
  };
  await writeKpis(DEMO_KPIS.filter((k) => hasOwnValues(k.kind)));
  await writeKpis(DEMO_KPIS.filter((k) => !hasOwnValues(k.kind)));

  const actuals = demoActuals(quarters, today).map((a) => {
    const kpi = DEMO_KPIS.find((k) => k.key === a.kpi);
    return {
      organizationId,
      kpiId: need(kpiId, a.kpi, "KPI"),
      periodStart: a.periodStart,
      value: a.value,
      source: kpi?.source ?? ("manual" as const),
      // Pushed values have no person behind them, as through the ingestion API.
      updatedById: kpi?.source === "api" ? null : user(kpi?.owner ?? "admin"),
    };
  });
  for (const rows of chunk(actuals)) await tx.insert(kpiActuals).values(rows);

  await tx.insert(kpiTargets).values(
    DEMO_KPI_TARGETS.map((t) => ({
      organizationId,
      kpiId: need(kpiId, t.kpi, "KPI"),
      periodStart: quarterAtIndex(quarters, t.quarter).start,
      goal: t.goal,
      redFlag: t.redFlag,
    })),
  );

  await tx
    .insert(kpiBenchmarks)
    .values(
      demoBenchmarks(quarters).map(({ kpi, ...b }) => ({ organizationId, kpiId: need(kpiId, kpi, "KPI"), ...b })),
    );

  // The quarter's OKR work shows on the scorecard through these alignments.
  for (const strategic of DEMO_STRATEGIC_OBJECTIVES) {
    const titles = DEMO_OBJECTIVE_ALIGNMENT.filter((a) => a.strategicObjective === strategic.key).map((a) => a.title);
    if (titles.length === 0) continue;
    await tx
      .update(objectives)
      .set({ strategicObjectiveId: need(objectiveId, strategic.key, "strategic objective") })
      .where(and(eq(objectives.organizationId, organizationId), inArray(objectives.title, titles)));
  }
}

export interface SeededValue {
  kpi: string;
  periodStart: string;
  value: number;
}

/**
 * Every entered KPI's actuals: its story turned into a value per quarter
 * through its goal and red flag, then spread over the reporting periods so
 * that aggregating them gives that value back. Periods that have not started
 * are left out; a quarterly KPI reports only finished quarters.
 */
export function demoActuals(quarters: Period[], today: string): SeededValue[] {
  const out: SeededValue[] = [];
  // Computed KPIs: the numerator (a) follows the denominator (b) times the story's ratio. One over
  // campaign-fed inputs follows the campaigns instead.
  const entered = (key: string | undefined) => DEMO_KPIS.find((k) => k.key === key)?.kind === "manual";
  const shapedBy = new Map(
    DEMO_KPIS.filter((k) => k.inputs && entered(k.inputs.a)).map((k) => [
      k.inputs?.a ?? "",
      { computed: k, base: k.inputs?.b ?? "" },
    ]),
  );
  const raw = new Map<string, { periodStart: string; value: number }[]>();
  for (const kpi of DEMO_KPIS) {
    if (kpi.kind !== "manual" || shapedBy.has(kpi.key)) continue;
    raw.set(kpi.key, spread(kpi, quarters, today));
  }
  for (const [key, { computed, base }] of shapedBy) {
    const kpi = DEMO_KPIS.find((k) => k.key === key);
    const baseValues = raw.get(base);
    if (!kpi || !baseValues) throw new Error(`Demo KPI ${key} is shaped by an unknown KPI`);
    raw.set(
      key,
      baseValues.map((b) => {
        const q = quarters.findIndex((p) => b.periodStart >= p.start && b.periodStart <= p.end);
        const target = valueAtScore(computed.goal, computed.redFlag, storyScore(computed.story, q));
        return { periodStart: b.periodStart, value: b.value * (computed.kind === "roi" ? 1 + target : target) };
      }),
    );
  }
  for (const kpi of DEMO_KPIS) {
    for (const v of raw.get(kpi.key) ?? [])
      out.push({ kpi: kpi.key, periodStart: v.periodStart, value: round(v.value, kpi.decimals) });
  }
  return out;
}

function spread(kpi: DemoKpi, quarters: Period[], today: string): { periodStart: string; value: number }[] {
  const out: { periodStart: string; value: number }[] = [];
  const band = Math.abs(kpi.goal - kpi.redFlag);
  let previous: number | null = null;
  quarters.forEach((quarter, q) => {
    const value = valueAtScore(kpi.goal, kpi.redFlag, storyScore(kpi.story, q));
    const all = periodsWithin(quarter, kpi.frequency);
    const present = all.filter((p) => (kpi.frequency === "quarterly" ? p.end < today : p.start <= today));
    if (kpi.missingQuarters?.includes(q) || present.length === 0) {
      previous = value;
      return;
    }
    const wobble = present.map((_, i) => noise(`${kpi.key}|${q}|${i}`));
    const meanWobble = wobble.reduce((s, w) => s + w, 0) / wobble.length;
    present.forEach((p, i) => {
      const w = wobble[i] ?? 0;
      let v: number;
      switch (kpi.aggregation) {
        case "sum": {
          // Shares of the whole quarter, so a finished quarter sums to its value.
          const shares = all.map((_, j) => 1 + 0.08 * noise(`${kpi.key}|${q}|share|${j}`));
          const total = shares.reduce((s, x) => s + x, 0);
          v = (value * (shares[i] ?? 1)) / total;
          break;
        }
        case "average":
          v = value + 0.12 * band * (w - meanWobble);
          break;
        case "last": {
          // Months walk from last quarter's level to this one's; the last month is the quarter's value.
          const from = previous ?? value;
          const step = (value - from) / all.length;
          v = i === present.length - 1 ? value : value - (all.length - 1 - i) * step + 0.03 * band * w;
          break;
        }
      }
      out.push({ periodStart: p.start, value: Math.min(v, kpi.ceiling ?? Number.POSITIVE_INFINITY) });
    });
    previous = value;
  });
  return out;
}

/** Competitors' and the industry's figures for the finished quarters, named by each quarter's first day. */
export function demoBenchmarks(quarters: Period[]): (SeededValue & { source: string })[] {
  const out: (SeededValue & { source: string })[] = [];
  for (const key of DEMO_BENCHMARKED_KPIS) {
    const kpi = DEMO_KPIS.find((k) => k.key === key);
    if (!kpi) throw new Error(`Benchmark for unknown demo KPI ${key}`);
    for (const { source, story } of DEMO_BENCHMARK_SOURCES) {
      for (let q = 0; q <= LAST_FINISHED; q++) {
        const score = storyScore(story, q) + 0.6 * noise(`${key}|${source}|${q}`);
        const value = valueAtScore(kpi.goal, kpi.redFlag, score);
        out.push({
          kpi: key,
          source,
          periodStart: quarterAtIndex(quarters, q).start,
          value: round(value, kpi.decimals),
        });
      }
    }
  }
  return out;
}

/** The story's score in quarter `q` (0 = oldest seeded; the last finished quarter lands on `to`). */
export function storyScore(story: ScoreStory, q: number): number {
  const trend = story.from + ((story.to - story.from) * q) / LAST_FINISHED;
  const season = (story.wave ?? 0) * Math.sin(((q - LAST_FINISHED) * Math.PI) / 2);
  return Math.min(9.6, Math.max(0.4, trend + season));
}

/** The actual that scores `score` under the goal / red-flag method (the inverse of the domain's kpiScore). */
export function valueAtScore(goal: number, redFlag: number, score: number): number {
  const d = goal - redFlag;
  return redFlag - d + (3 * d * score) / 10;
}

/** A deterministic number in [−1, 1] per key: reseeding tells the same story. */
function noise(key: string): number {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  h ^= h >>> 16;
  return ((h >>> 0) / 4294967295) * 2 - 1;
}

const round = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
};

function quarterAtIndex(quarters: Period[], q: number): Period {
  const quarter = quarters[q];
  if (!quarter) throw new Error(`Demo scorecard refers to quarter ${q} of ${quarters.length}`);
  return quarter;
}

function need(map: Map<string, string>, key: string, what: string): string {
  const value = map.get(key);
  if (!value) throw new Error(`Demo scorecard refers to unknown ${what} "${key}"`);
  return value;
}

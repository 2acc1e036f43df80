import { chunk } from "../../src/chunk";
import type { Database } from "../../src/client";
import { kpiActuals, kpis, perspectives, strategicObjectives } from "../../src/schema";

export interface LargeScorecardSize {
  perspectives: number;
  objectivesPerPerspective: number;
  kpisPerObjective: number;
  /** Monthly actuals per KPI, ending with `now`'s month. */
  months: number;
}

/** 4 perspectives, 40 strategic objectives, 400 monthly KPIs, 27 months of actuals each (10,800 rows). */
export const SCORECARD_BENCHMARK_SIZE: LargeScorecardSize = {
  perspectives: 4,
  objectivesPerPerspective: 10,
  kpisPerObjective: 10,
  months: 27,
};

/** A generated scorecard for benchmarks, in an existing organization, owned by `ownerId`. Deterministic values. */
export async function seedLargeScorecard(
  db: Database,
  organizationId: string,
  ownerId: string,
  size: LargeScorecardSize,
  now: Date = new Date(),
): Promise<{ kpiIds: string[] }> {
  const perspectiveRows = await db
    .insert(perspectives)
    .values(
      Array.from({ length: size.perspectives }, (_, i) => ({
        organizationId,
        name: `Perspective ${i + 1}`,
        position: i,
      })),
    )
    .returning({ id: perspectives.id });
  const objectiveRows = await db
    .insert(strategicObjectives)
    .values(
      perspectiveRows.flatMap((p, pi) =>
        Array.from({ length: size.objectivesPerPerspective }, (_, i) => ({
          organizationId,
          perspectiveId: p.id,
          name: `Objective ${pi + 1}.${i + 1}`,
          ownerId,
        })),
      ),
    )
    .returning({ id: strategicObjectives.id });
  const kpiValues = objectiveRows.flatMap((o, oi) =>
    Array.from({ length: size.kpisPerObjective }, (_, i) => ({
      organizationId,
      name: `KPI ${oi + 1}.${i + 1}`,
      goal: 100,
      redFlag: 80,
      ownerId,
      strategicObjectiveId: o.id,
      aggregation: (["sum", "average", "last"] as const)[i % 3],
    })),
  );
  const kpiIds: string[] = [];
  for (const part of chunk(kpiValues, 1_000)) {
    kpiIds.push(...(await db.insert(kpis).values(part).returning({ id: kpis.id })).map((k) => k.id));
  }
  const actuals = kpiIds.flatMap((kpiId, k) =>
    Array.from({ length: size.months }, (_, m) => {
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - size.months + 1 + m, 1));
      return {
        organizationId,
        kpiId,
        periodStart: month.toISOString().slice(0, 10),
        value: 30 + ((k * 7 + m * 13) % 10),
      };
    }),
  );
  for (const part of chunk(actuals, 1_000)) await db.insert(kpiActuals).values(part);
  return { kpiIds };
}

import { and, eq, kpiBenchmarks, sql } from "@meridian/db";
import { periodContaining, periodLabel, type TBenchmarkRemove, type TBenchmarkUpsert } from "@meridian/domain";
import { activityBy, recordActivity } from "../../lib/activity";
import { notFound } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { findManageableKpi } from "./kpi-rows";

/**
 * A competitor's or an industry figure for one of the KPI's periods (any day
 * of the period names it). One value per KPI, source and period: saving
 * again replaces it, and the same value again changes nothing.
 */
export async function upsertBenchmark(scope: OrgScope, input: TBenchmarkUpsert) {
  return scope.db.transaction(async (tx) => {
    const kpi = await findManageableKpi(tx, scope, input.kpiId);
    const periodStart = periodContaining(input.periodStart, kpi.frequency).start;
    const ofKpi = and(eq(kpiBenchmarks.organizationId, scope.org.id), eq(kpiBenchmarks.kpiId, kpi.id));
    // "contoso" joins the existing "Contoso" series instead of starting a second one.
    const [known] = await tx
      .select({ source: kpiBenchmarks.source })
      .from(kpiBenchmarks)
      .where(and(ofKpi, sql`lower(${kpiBenchmarks.source}) = lower(${input.source})`))
      .limit(1);
    const source = known?.source ?? input.source;
    const [existing] = await tx
      .select({ id: kpiBenchmarks.id, value: kpiBenchmarks.value })
      .from(kpiBenchmarks)
      .where(and(ofKpi, eq(kpiBenchmarks.source, source), eq(kpiBenchmarks.periodStart, periodStart)))
      .limit(1);
    const benchmark = { kpiId: kpi.id, source, periodStart, value: input.value };
    if (existing && existing.value === input.value)
      return { id: existing.id, ...benchmark, outcome: "unchanged" as const };

    const [saved] = await tx
      .insert(kpiBenchmarks)
      .values({ organizationId: scope.org.id, ...benchmark })
      .onConflictDoUpdate({
        target: [kpiBenchmarks.organizationId, kpiBenchmarks.kpiId, kpiBenchmarks.source, kpiBenchmarks.periodStart],
        set: { value: input.value },
      })
      .returning({ id: kpiBenchmarks.id });
    if (!saved) throw new Error("benchmark was not saved");
    await recordActivity(
      tx,
      activityBy(scope, "kpi", kpi.id, "kpi.benchmark_saved", {
        benchmarkId: saved.id,
        source,
        periodStart,
        period: periodLabel(periodStart, kpi.frequency),
        value: input.value,
        before: existing?.value ?? null,
      }),
    );
    return { id: saved.id, ...benchmark, outcome: existing ? ("updated" as const) : ("created" as const) };
  });
}

/** Removes one benchmark value; only someone who may change its KPI may. */
export async function removeBenchmark(scope: OrgScope, input: TBenchmarkRemove) {
  return scope.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: kpiBenchmarks.id,
        source: kpiBenchmarks.source,
        periodStart: kpiBenchmarks.periodStart,
        value: kpiBenchmarks.value,
        kpiId: kpiBenchmarks.kpiId,
      })
      .from(kpiBenchmarks)
      .where(and(eq(kpiBenchmarks.id, input.benchmarkId), eq(kpiBenchmarks.organizationId, scope.org.id)))
      .limit(1);
    if (!row) throw notFound("No such benchmark.");
    await findManageableKpi(tx, scope, row.kpiId);
    await tx.delete(kpiBenchmarks).where(eq(kpiBenchmarks.id, row.id));
    await recordActivity(
      tx,
      activityBy(scope, "kpi", row.kpiId, "kpi.benchmark_removed", {
        benchmarkId: row.id,
        source: row.source,
        periodStart: row.periodStart,
        value: row.value,
      }),
    );
    return { id: row.id, removed: true };
  });
}

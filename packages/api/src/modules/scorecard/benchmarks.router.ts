import { and, eq, kpiBenchmarks, sql } from "@meridian/db";
import { periodContaining, periodLabel, ZBenchmarkRemoveSchema, ZBenchmarkUpsertSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { orgProcedure, router } from "../../trpc";
import { findManageableKpi } from "./kpi-rows";

export const benchmarksRouter = router({
  /**
   * A competitor's or an industry figure for one of the KPI's periods (any day
   * of the period names it). One value per KPI, source and period: saving
   * again replaces it, and the same value again changes nothing.
   */
  upsert: orgProcedure("kpi.manage")
    .input(ZBenchmarkUpsertSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const kpi = await findManageableKpi(tx, ctx, input.kpiId);
        const periodStart = periodContaining(input.periodStart, kpi.frequency).start;
        // "contoso" joins the existing "Contoso" series instead of starting a second one.
        const [known] = await tx
          .select({ source: kpiBenchmarks.source })
          .from(kpiBenchmarks)
          .where(
            and(
              eq(kpiBenchmarks.organizationId, ctx.org.id),
              eq(kpiBenchmarks.kpiId, kpi.id),
              sql`lower(${kpiBenchmarks.source}) = lower(${input.source})`,
            ),
          )
          .limit(1);
        const source = known?.source ?? input.source;
        const [existing] = await tx
          .select({ id: kpiBenchmarks.id, value: kpiBenchmarks.value })
          .from(kpiBenchmarks)
          .where(
            and(
              eq(kpiBenchmarks.organizationId, ctx.org.id),
              eq(kpiBenchmarks.kpiId, kpi.id),
              eq(kpiBenchmarks.source, source),
              eq(kpiBenchmarks.periodStart, periodStart),
            ),
          )
          .limit(1);
        const benchmark = { kpiId: kpi.id, source, periodStart, value: input.value };
        if (existing && existing.value === input.value)
          return { id: existing.id, ...benchmark, outcome: "unchanged" as const };

        const [saved] = await tx
          .insert(kpiBenchmarks)
          .values({ organizationId: ctx.org.id, ...benchmark })
          .onConflictDoUpdate({
            target: [
              kpiBenchmarks.organizationId,
              kpiBenchmarks.kpiId,
              kpiBenchmarks.source,
              kpiBenchmarks.periodStart,
            ],
            set: { value: input.value },
          })
          .returning({ id: kpiBenchmarks.id });
        if (!saved) throw new Error("benchmark was not saved");
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "kpi",
          entityId: kpi.id,
          action: "kpi.benchmark_saved",
          details: {
            benchmarkId: saved.id,
            source,
            periodStart,
            period: periodLabel(periodStart, kpi.frequency),
            value: input.value,
            before: existing?.value ?? null,
          },
        });
        return { id: saved.id, ...benchmark, outcome: existing ? ("updated" as const) : ("created" as const) };
      });
    }),

  remove: orgProcedure("kpi.manage")
    .input(ZBenchmarkRemoveSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .select({
            id: kpiBenchmarks.id,
            source: kpiBenchmarks.source,
            periodStart: kpiBenchmarks.periodStart,
            value: kpiBenchmarks.value,
            kpiId: kpiBenchmarks.kpiId,
          })
          .from(kpiBenchmarks)
          .where(and(eq(kpiBenchmarks.id, input.benchmarkId), eq(kpiBenchmarks.organizationId, ctx.org.id)))
          .limit(1);
        if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such benchmark." });
        await findManageableKpi(tx, ctx, row.kpiId);
        await tx.delete(kpiBenchmarks).where(eq(kpiBenchmarks.id, row.id));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "kpi",
          entityId: row.kpiId,
          action: "kpi.benchmark_removed",
          details: { benchmarkId: row.id, source: row.source, periodStart: row.periodStart, value: row.value },
        });
        return { id: row.id, removed: true };
      });
    }),
});

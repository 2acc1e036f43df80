import {
  canEnterKpiActuals,
  periodContaining,
  periodLabel,
  ZKpiActualsImportSchema,
  ZKpiActualsSaveSchema,
} from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { invalidInput } from "../../lib/errors";
import { type OrgContext, orgProcedure, router } from "../../trpc";
import { evaluateActualsCsv, importErrorFor, OWNERS_ONLY } from "./actuals-import";
import { findKpi } from "./kpi-rows";
import { upsertActuals } from "./upsert-actuals";

const scopeOf = (ctx: OrgContext) => ({ role: ctx.org.role, userId: ctx.user.id });

export const kpiActualsRouter = router({
  /**
   * Values of one KPI for many periods at once (the actuals grid). Each period
   * is named by its first day; null clears it. Saving the same values again changes nothing.
   */
  save: orgProcedure("kpi.actuals.write")
    .input(ZKpiActualsSaveSchema)
    .mutation(async ({ ctx, input }) => {
      const kpi = await findKpi(ctx.db, ctx.org.id, input.kpiId);
      if (!canEnterKpiActuals({ ...scopeOf(ctx), kpiOwnerId: kpi.ownerId })) {
        throw new TRPCError({ code: "FORBIDDEN", message: OWNERS_ONLY });
      }
      if (kpi.kind !== "manual") {
        throw invalidInput(
          "values",
          `${kpi.name} is computed from other KPIs: enter the values of its inputs instead.`,
        );
      }
      if (kpi.archivedAt) throw invalidInput("values", `${kpi.name} is archived: restore it before entering values.`);
      const seen = new Set<string>();
      for (const { periodStart } of input.values) {
        const period = periodContaining(periodStart, kpi.frequency);
        if (period.start !== periodStart) {
          throw invalidInput(
            "values",
            `${periodStart} does not start one of ${kpi.name}'s ${kpi.frequency} periods: ${periodLabel(
              period.start,
              kpi.frequency,
            )} starts on ${period.start}.`,
          );
        }
        if (seen.has(periodStart)) {
          throw invalidInput("values", `${periodLabel(periodStart, kpi.frequency)} is given twice.`);
        }
        seen.add(periodStart);
      }
      return ctx.db.transaction((tx) =>
        upsertActuals(tx, {
          organizationId: ctx.org.id,
          source: "manual",
          actorId: ctx.user.id,
          writes: input.values.map((v) => ({ kpiId: kpi.id, periodStart: v.periodStart, value: v.value })),
          activity: { action: "kpi.actuals.saved", details: { kpiName: kpi.name } },
        }),
      );
    }),

  /** What importing this CSV would do, row by row, with every error; writes nothing. */
  previewImport: orgProcedure("kpi.actuals.write")
    .input(ZKpiActualsImportSchema)
    .mutation(({ ctx, input }) => evaluateActualsCsv(ctx.db, ctx.org.id, scopeOf(ctx), input.csv)),

  /**
   * Imports a CSV of actuals: all rows or none. Any row with an error refuses
   * the whole file, naming each; a repeat of the same file changes nothing.
   */
  import: orgProcedure("kpi.actuals.write")
    .input(ZKpiActualsImportSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const preview = await evaluateActualsCsv(tx, ctx.org.id, scopeOf(ctx), input.csv);
        if (preview.counts.error > 0) throw importErrorFor(preview.rows);
        const { created, updated, unchanged } = await upsertActuals(tx, {
          organizationId: ctx.org.id,
          source: "csv",
          actorId: ctx.user.id,
          writes: preview.rows.flatMap((r) =>
            r.kpi && r.periodStart && r.value !== null
              ? [{ kpiId: r.kpi.id, periodStart: r.periodStart, value: r.value }]
              : [],
          ),
          activity: { action: "kpi.actuals.imported", details: { rows: preview.rows.length } },
        });
        return { created, updated, unchanged };
      }),
    ),
});

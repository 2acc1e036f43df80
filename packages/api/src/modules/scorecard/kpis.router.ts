import {
  and,
  asc,
  type Executor,
  eq,
  inArray,
  isNull,
  kpiActuals,
  kpiBenchmarks,
  kpis,
  kpiTargets,
  perspectives,
  type SQL,
  sql,
  strategicObjectives,
  users,
} from "@meridian/db";
import {
  canEnterKpiActuals,
  canManageKpi,
  goalRedFlagError,
  type KpiForHistory,
  kpiForecast,
  kpiHistory,
  kpiReadings,
  latestKpiReading,
  type Period,
  periodLabel,
  quarterAt,
  quarterContaining,
  quarterLabel,
  quartersEndingAt,
  reportingPeriodTargets,
  targetsFor,
  todayIso,
  ZKpiArchiveSchema,
  ZKpiCreateSchema,
  ZKpiGetSchema,
  ZKpiListSchema,
  ZKpiRemoveTargetSchema,
  ZKpiSetTargetSchema,
  ZKpiUpdateSchema,
} from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { requireActiveOwner } from "../../lib/active-owner";
import { recordActivity } from "../../lib/activity";
import { editConflict, invalidInput } from "../../lib/errors";
import { type OrgContext, orgProcedure, router } from "../../trpc";
import {
  computedKpisUsing,
  findKpi,
  findManageableKpi,
  type KpiRow,
  kpiColumns,
  requireComputedInputs,
  requireFreeKpiName,
} from "./kpi-rows";
import { loadScorecard } from "./load-scorecard";
import { findStrategicObjective } from "./strategy-rows";

/** History shown on a KPI's page: the quarter looked at and the seven before it. */
const HISTORY_QUARTERS = 8;

const forHistory = (k: KpiRow): KpiForHistory => ({
  id: k.id,
  name: k.name,
  strategicObjectiveId: k.strategicObjectiveId,
  weight: k.weight,
  kind: k.kind,
  inputAId: k.inputAId,
  inputBId: k.inputBId,
  aggregation: k.aggregation,
  goal: k.goal,
  redFlag: k.redFlag,
  frequency: k.frequency,
  direction: k.direction,
});

/** Managers own the KPIs they create or keep; only admins hand a KPI to someone else. */
async function requireAllowedOwner(ctx: OrgContext, tx: Executor, ownerId: string) {
  if (ctx.org.role !== "admin" && ownerId !== ctx.user.id) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Managers can only own the KPIs they create; ask an admin." });
  }
  await requireActiveOwner(tx, ctx.org.id, ownerId);
}

export const kpisRouter = router({
  /** Live KPIs with their latest actual and this quarter's score. */
  list: orgProcedure("scorecard.read")
    .input(ZKpiListSchema)
    .query(async ({ ctx, input }) => {
      const today = todayIso();
      const quarter = quarterContaining(today);
      const lookback = { start: quarterAt(today, 1 - HISTORY_QUARTERS).start, end: quarter.end };
      const filters: SQL[] = [eq(kpis.organizationId, ctx.org.id), isNull(kpis.archivedAt)];
      if (input.strategicObjectiveId) filters.push(eq(kpis.strategicObjectiveId, input.strategicObjectiveId));
      if (input.ownerId) filters.push(eq(kpis.ownerId, input.ownerId));
      const [index, rows] = await Promise.all([
        loadScorecard(ctx.db, ctx.org.id),
        ctx.db
          .select({
            kpi: kpiColumns,
            ownerName: users.name,
            objectiveName: strategicObjectives.name,
          })
          .from(kpis)
          .innerJoin(users, eq(users.id, kpis.ownerId))
          .leftJoin(strategicObjectives, eq(strategicObjectives.id, kpis.strategicObjectiveId))
          .where(and(...filters))
          .orderBy(asc(kpis.name)),
      ]);
      return rows.map(({ kpi, ownerName, objectiveName }) => {
        const scoring = forHistory(kpi);
        const [current] = kpiHistory(index, scoring, [quarter]);
        return {
          id: kpi.id,
          name: kpi.name,
          unit: kpi.unit,
          direction: kpi.direction,
          frequency: kpi.frequency,
          aggregation: kpi.aggregation,
          kind: kpi.kind,
          goal: kpi.goal,
          redFlag: kpi.redFlag,
          weight: kpi.weight,
          version: kpi.version,
          owner: { id: kpi.ownerId, name: ownerName },
          strategicObjective:
            kpi.strategicObjectiveId && objectiveName !== null
              ? { id: kpi.strategicObjectiveId, name: objectiveName }
              : null,
          latestActual: latestKpiReading(index, scoring, today, lookback),
          quarter: { ...quarter, label: quarterLabel(quarter) },
          actual: current?.actual ?? null,
          quarterGoal: current?.goal ?? kpi.goal,
          quarterRedFlag: current?.redFlag ?? kpi.redFlag,
          targetShare: current?.targetShare ?? null,
          score: current?.score ?? null,
          status: current?.status ?? "no_data",
        };
      });
    }),

  /**
   * Everything a KPI's page shows: its definition, eight quarters of history
   * and its own reporting periods in them, the forecast to the quarter's end,
   * target overrides and benchmarks, and what the caller may change.
   */
  get: orgProcedure("scorecard.read")
    .input(ZKpiGetSchema)
    .query(async ({ ctx, input }) => {
      const kpi = await findKpi(ctx.db, ctx.org.id, input.kpiId);
      const today = todayIso();
      const quarter = quarterContaining(input.period ?? today);
      const quarters = quartersEndingAt(quarter.start, HISTORY_QUARTERS);
      const range: Period = { start: quarters[0]?.start ?? quarter.start, end: quarter.end };

      const [index, [owner], objective, inputs, targets, benchmarks, actualRows, usedBy] = await Promise.all([
        loadScorecard(ctx.db, ctx.org.id),
        ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, kpi.ownerId)).limit(1),
        kpi.strategicObjectiveId
          ? ctx.db
              .select({
                id: strategicObjectives.id,
                name: strategicObjectives.name,
                perspective: { id: perspectives.id, name: perspectives.name },
              })
              .from(strategicObjectives)
              .innerJoin(perspectives, eq(perspectives.id, strategicObjectives.perspectiveId))
              .where(
                and(
                  eq(strategicObjectives.id, kpi.strategicObjectiveId),
                  eq(strategicObjectives.organizationId, ctx.org.id),
                ),
              )
              .limit(1)
              .then((rows) => rows[0] ?? null)
          : Promise.resolve(null),
        kpi.kind === "manual"
          ? Promise.resolve([])
          : ctx.db
              .select({ id: kpis.id, name: kpis.name, unit: kpis.unit, archivedAt: kpis.archivedAt })
              .from(kpis)
              .where(
                and(
                  eq(kpis.organizationId, ctx.org.id),
                  inArray(
                    kpis.id,
                    [kpi.inputAId, kpi.inputBId].filter((id): id is string => id !== null),
                  ),
                ),
              ),
        ctx.db
          .select({ periodStart: kpiTargets.periodStart, goal: kpiTargets.goal, redFlag: kpiTargets.redFlag })
          .from(kpiTargets)
          .where(and(eq(kpiTargets.organizationId, ctx.org.id), eq(kpiTargets.kpiId, kpi.id)))
          .orderBy(asc(kpiTargets.periodStart)),
        ctx.db
          .select({
            id: kpiBenchmarks.id,
            source: kpiBenchmarks.source,
            periodStart: kpiBenchmarks.periodStart,
            value: kpiBenchmarks.value,
          })
          .from(kpiBenchmarks)
          .where(and(eq(kpiBenchmarks.organizationId, ctx.org.id), eq(kpiBenchmarks.kpiId, kpi.id)))
          .orderBy(asc(kpiBenchmarks.source), asc(kpiBenchmarks.periodStart)),
        ctx.db
          .select({ periodStart: kpiActuals.periodStart, source: kpiActuals.source, updatedAt: kpiActuals.updatedAt })
          .from(kpiActuals)
          .where(
            and(
              eq(kpiActuals.organizationId, ctx.org.id),
              eq(kpiActuals.kpiId, kpi.id),
              sql`${kpiActuals.periodStart} between ${range.start} and ${range.end}`,
            ),
          ),
        computedKpisUsing(ctx.db, ctx.org.id, kpi.id),
      ]);

      const scoring = forHistory(kpi);
      const history = kpiHistory(index, scoring, quarters).map((row) => ({
        ...row,
        label: quarterLabel(row.period),
      }));
      const entered = new Map(actualRows.map((a) => [a.periodStart, a]));
      const periods = kpiReadings(index, scoring, range).map(({ period, value }) => {
        const row = entered.get(period.start);
        // The chart spreads the quarter's whole targets over its periods, not the share held to date.
        const quarterOfPeriod = quarterContaining(period.start);
        const targets = reportingPeriodTargets(scoring, targetsFor(index, scoring, quarterOfPeriod), quarterOfPeriod);
        return {
          periodStart: period.start,
          periodEnd: period.end,
          label: periodLabel(period.start, kpi.frequency),
          value,
          source: row?.source ?? null,
          updatedAt: row?.updatedAt ?? null,
          goal: targets.goal,
          redFlag: targets.redFlag,
        };
      });
      // Looking at a past quarter, its forecast is what its data says at its end.
      // Today held within the quarter: the middle of the three dates.
      const forecastDay = [quarter.start, today, quarter.end].sort()[1] ?? today;
      const allowed = { role: ctx.org.role, userId: ctx.user.id, kpiOwnerId: kpi.ownerId };
      const live = kpi.archivedAt === null;

      return {
        kpi: {
          id: kpi.id,
          name: kpi.name,
          description: kpi.description,
          unit: kpi.unit,
          direction: kpi.direction,
          frequency: kpi.frequency,
          aggregation: kpi.aggregation,
          kind: kpi.kind,
          goal: kpi.goal,
          redFlag: kpi.redFlag,
          weight: kpi.weight,
          version: kpi.version,
          archivedAt: kpi.archivedAt,
          owner: owner ?? { id: kpi.ownerId, name: "Unknown" },
          strategicObjective: objective,
          inputAId: kpi.inputAId,
          inputBId: kpi.inputBId,
        },
        inputs: {
          a: inputs.find((i) => i.id === kpi.inputAId) ?? null,
          b: inputs.find((i) => i.id === kpi.inputBId) ?? null,
        },
        /** The server's date, so the page marks the same "today" as the numbers used. */
        today,
        quarter: { ...quarter, label: quarterLabel(quarter) },
        current: history.at(-1) ?? null,
        history,
        periods,
        forecast: kpiForecast(index, scoring, forecastDay),
        targets,
        benchmarks,
        usedBy,
        canEdit: live && canManageKpi(allowed),
        canEnterActuals: live && kpi.kind === "manual" && canEnterKpiActuals(allowed),
      };
    }),

  create: orgProcedure("kpi.manage")
    .input(ZKpiCreateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        await requireAllowedOwner(ctx, tx, input.ownerId);
        if (input.strategicObjectiveId) await findStrategicObjective(tx, ctx.org.id, input.strategicObjectiveId);
        // The schema guarantees both inputs for a computed KPI and none for an entered one.
        const inputs =
          input.kind !== "manual" && input.inputAId && input.inputBId
            ? { inputAId: input.inputAId, inputBId: input.inputBId }
            : null;
        if (inputs) await requireComputedInputs(tx, ctx.org.id, inputs, null);
        await requireFreeKpiName(tx, ctx.org.id, input.name, null);
        const [created] = await tx
          .insert(kpis)
          .values({
            organizationId: ctx.org.id,
            ...input,
            inputAId: inputs?.inputAId ?? null,
            inputBId: inputs?.inputBId ?? null,
          })
          .returning({ id: kpis.id, name: kpis.name, version: kpis.version });
        if (!created) throw new Error("KPI was not created");
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "kpi",
          entityId: created.id,
          action: "kpi.created",
          details: input,
        });
        return created;
      });
    }),

  /** Changes a KPI's definition; the caller names the version they read. */
  update: orgProcedure("kpi.manage")
    .input(ZKpiUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const kpi = await findManageableKpi(tx, ctx, input.kpiId);
        if (kpi.version !== input.version) throw editConflict("KPI", kpi);
        const { kpiId: _, version: __, ...changes } = input;
        // Absent fields keep their stored values; an explicit null (no objective, no inputs) clears.
        const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        const merged: KpiRow = { ...kpi, ...(given as Partial<KpiRow>) };
        const kindChanged = changes.kind !== undefined && changes.kind !== kpi.kind;
        if (merged.kind === "manual") {
          if (changes.inputAId || changes.inputBId) throw invalidInput("inputAId", "An entered KPI has no inputs.");
          merged.inputAId = null;
          merged.inputBId = null;
        } else if (kindChanged && (changes.inputAId === undefined || changes.inputBId === undefined)) {
          throw invalidInput("inputAId", "Choose both input KPIs of a computed KPI.");
        }

        const targetError = goalRedFlagError(merged.direction, merged.goal, merged.redFlag);
        if (targetError) throw invalidInput("redFlag", targetError);
        if (changes.ownerId !== undefined && changes.ownerId !== kpi.ownerId) {
          await requireAllowedOwner(ctx, tx, changes.ownerId);
        }
        if (changes.strategicObjectiveId) await findStrategicObjective(tx, ctx.org.id, changes.strategicObjectiveId);
        if (changes.name !== undefined && changes.name !== kpi.name) {
          await requireFreeKpiName(tx, ctx.org.id, changes.name, kpi.id);
        }
        if (merged.kind !== "manual") {
          if (!merged.inputAId || !merged.inputBId) throw invalidInput("inputAId", "Choose both input KPIs.");
          if (merged.inputAId === merged.inputBId) {
            throw invalidInput("inputBId", "The two inputs must be different KPIs.");
          }
          await requireComputedInputs(tx, ctx.org.id, { inputAId: merged.inputAId, inputBId: merged.inputBId }, kpi.id);
          const users = await computedKpisUsing(tx, ctx.org.id, kpi.id);
          if (users.length) {
            throw invalidInput(
              "kind",
              `${kpi.name} is an input of ${users.map((u) => u.name).join(", ")}; an input must stay an entered KPI.`,
            );
          }
        }

        const changed = Object.fromEntries(
          Object.entries(changes).filter(([key, value]) => value !== undefined && kpi[key as keyof KpiRow] !== value),
        );
        const inputsChanged = merged.inputAId !== kpi.inputAId || merged.inputBId !== kpi.inputBId;
        if (Object.keys(changed).length === 0 && !inputsChanged) return { id: kpi.id, version: kpi.version };

        const [updated] = await tx
          .update(kpis)
          .set({
            name: merged.name,
            description: merged.description,
            unit: merged.unit,
            direction: merged.direction,
            frequency: merged.frequency,
            aggregation: merged.aggregation,
            goal: merged.goal,
            redFlag: merged.redFlag,
            ownerId: merged.ownerId,
            strategicObjectiveId: merged.strategicObjectiveId,
            weight: merged.weight,
            kind: merged.kind,
            inputAId: merged.inputAId,
            inputBId: merged.inputBId,
            updatedAt: sql`now()`,
            version: sql`${kpis.version} + 1`,
          })
          // The version check again, in the statement: two saves racing cannot both win.
          .where(and(eq(kpis.id, kpi.id), eq(kpis.version, kpi.version)))
          .returning({ id: kpis.id, version: kpis.version });
        if (!updated) throw editConflict("KPI", await findKpi(tx, ctx.org.id, kpi.id));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "kpi",
          entityId: kpi.id,
          action: "kpi.updated",
          details: { changes: changed, ...(inputsChanged && { inputAId: merged.inputAId, inputBId: merged.inputBId }) },
        });
        return updated;
      });
    }),

  /** Retires a KPI: off the scorecard, history kept. Refused while a computed KPI is built on it. */
  archive: orgProcedure("kpi.manage")
    .input(ZKpiArchiveSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const kpi = await findManageableKpi(tx, ctx, input.kpiId);
        if (kpi.version !== input.version) throw editConflict("KPI", kpi);
        const usedBy = await computedKpisUsing(tx, ctx.org.id, kpi.id);
        if (usedBy.length) {
          throw new TRPCError({
            code: "PRECONDITION_FAILED",
            message: `${kpi.name} is an input of ${usedBy.map((u) => u.name).join(", ")}. Archive or change those first.`,
          });
        }
        const [archived] = await tx
          .update(kpis)
          .set({ archivedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${kpis.version} + 1` })
          .where(and(eq(kpis.id, kpi.id), eq(kpis.version, kpi.version)))
          .returning({ id: kpis.id, version: kpis.version, archivedAt: kpis.archivedAt });
        if (!archived) throw editConflict("KPI", await findKpi(tx, ctx.org.id, kpi.id));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "kpi",
          entityId: kpi.id,
          action: "kpi.archived",
          details: { name: kpi.name },
        });
        return archived;
      });
    }),

  /** A goal / red-flag override for one quarter (any day of it names it). Setting the same values again changes nothing. */
  setTarget: orgProcedure("kpi.manage")
    .input(ZKpiSetTargetSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const kpi = await findManageableKpi(tx, ctx, input.kpiId);
        const targetError = goalRedFlagError(kpi.direction, input.goal, input.redFlag);
        if (targetError) throw invalidInput("redFlag", targetError);
        const periodStart = quarterContaining(input.periodStart).start;
        const target = { periodStart, goal: input.goal, redFlag: input.redFlag };
        const [existing] = await tx
          .select({ goal: kpiTargets.goal, redFlag: kpiTargets.redFlag })
          .from(kpiTargets)
          .where(
            and(
              eq(kpiTargets.organizationId, ctx.org.id),
              eq(kpiTargets.kpiId, kpi.id),
              eq(kpiTargets.periodStart, periodStart),
            ),
          )
          .limit(1);
        if (existing && existing.goal === input.goal && existing.redFlag === input.redFlag) {
          return { ...target, changed: false };
        }
        await tx
          .insert(kpiTargets)
          .values({ organizationId: ctx.org.id, kpiId: kpi.id, ...target })
          .onConflictDoUpdate({
            target: [kpiTargets.organizationId, kpiTargets.kpiId, kpiTargets.periodStart],
            set: { goal: input.goal, redFlag: input.redFlag },
          });
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "kpi",
          entityId: kpi.id,
          action: "kpi.target_set",
          details: { ...target, quarter: quarterLabel(periodStart), before: existing ?? null },
        });
        return { ...target, changed: true };
      });
    }),

  /** Drops a quarter's override; the KPI's default goal and red flag apply again. */
  removeTarget: orgProcedure("kpi.manage")
    .input(ZKpiRemoveTargetSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const kpi = await findManageableKpi(tx, ctx, input.kpiId);
        const periodStart = quarterContaining(input.periodStart).start;
        const removed = await tx
          .delete(kpiTargets)
          .where(
            and(
              eq(kpiTargets.organizationId, ctx.org.id),
              eq(kpiTargets.kpiId, kpi.id),
              eq(kpiTargets.periodStart, periodStart),
            ),
          )
          .returning({ goal: kpiTargets.goal, redFlag: kpiTargets.redFlag });
        if (removed.length === 0) return { periodStart, removed: false };
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "kpi",
          entityId: kpi.id,
          action: "kpi.target_removed",
          details: { periodStart, quarter: quarterLabel(periodStart), before: removed[0] },
        });
        return { periodStart, removed: true };
      });
    }),
});

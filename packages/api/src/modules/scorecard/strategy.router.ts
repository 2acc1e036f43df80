import {
  and,
  asc,
  count,
  eq,
  kpis,
  objectives,
  perspectives,
  sql,
  strategicObjectives,
  strategyLinks,
  users,
} from "@meridian/db";
import {
  quarterContaining,
  quarterLabel,
  scoreScorecard,
  selectableQuarters,
  todayIso,
  ZStrategicObjectiveCreateSchema,
  ZStrategicObjectiveRefSchema,
  ZStrategicObjectiveUpdateSchema,
  ZStrategyLinkSchema,
  ZStrategyMapInputSchema,
  ZStrategyUnlinkSchema,
} from "@meridian/domain";
import { requireActiveOwner } from "../../lib/active-owner";
import { recordActivity } from "../../lib/activity";
import { editConflict } from "../../lib/errors";
import { orgProcedure, router } from "../../trpc";
import { alignedOkrCounts } from "./aligned-okr-counts";
import { loadScorecard } from "./load-scorecard";
import { findPerspective, findStrategicObjective, findStrategyLink, strategicObjectiveColumns } from "./strategy-rows";

export const strategyRouter = router({
  /**
   * The strategy map of one quarter: perspective bands in order, their
   * strategic objectives scored for the quarter, and the cause → effect links.
   */
  map: orgProcedure("scorecard.read")
    .input(ZStrategyMapInputSchema)
    .query(async ({ ctx, input }) => {
      const period = quarterContaining(input.period ?? todayIso());
      const [index, bandRows, objectiveRows, alignedById, linkRows] = await Promise.all([
        loadScorecard(ctx.db, ctx.org.id),
        ctx.db
          .select({ id: perspectives.id, position: perspectives.position, version: perspectives.version })
          .from(perspectives)
          .where(eq(perspectives.organizationId, ctx.org.id)),
        ctx.db
          .select({ ...strategicObjectiveColumns, ownerName: users.name })
          .from(strategicObjectives)
          .innerJoin(users, eq(users.id, strategicObjectives.ownerId))
          .where(eq(strategicObjectives.organizationId, ctx.org.id)),
        alignedOkrCounts(ctx.db, ctx.org.id),
        ctx.db
          .select({ id: strategyLinks.id, causeId: strategyLinks.causeId, effectId: strategyLinks.effectId })
          .from(strategyLinks)
          .where(eq(strategyLinks.organizationId, ctx.org.id))
          .orderBy(asc(strategyLinks.createdAt)),
      ]);
      const scored = scoreScorecard(index, period);
      const bandById = new Map(bandRows.map((b) => [b.id, b]));
      const objectiveById = new Map(objectiveRows.map((o) => [o.id, o]));
      return {
        period: { ...period, label: quarterLabel(period) },
        availableQuarters: selectableQuarters(index, todayIso()),
        score: scored.score,
        status: scored.status,
        perspectives: scored.perspectives.map((p) => ({
          id: p.id,
          name: p.name,
          weight: p.weight,
          position: bandById.get(p.id)?.position ?? 0,
          version: bandById.get(p.id)?.version ?? 1,
          score: p.score,
          status: p.status,
          objectives: p.objectives.flatMap((o) => {
            const row = objectiveById.get(o.id);
            if (!row) return [];
            return [
              {
                id: o.id,
                name: o.name,
                description: row.description,
                owner: { id: row.ownerId, name: row.ownerName },
                weight: o.weight,
                version: row.version,
                score: o.score,
                status: o.status,
                kpiCount: o.kpis.length,
                alignedOkrCount: alignedById.get(o.id) ?? 0,
              },
            ];
          }),
        })),
        links: linkRows,
      };
    }),

  /** A new strategic objective in a perspective's band. */
  createObjective: orgProcedure("strategy.manage")
    .input(ZStrategicObjectiveCreateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        await findPerspective(tx, ctx.org.id, input.perspectiveId);
        await requireActiveOwner(tx, ctx.org.id, input.ownerId);
        const [created] = await tx
          .insert(strategicObjectives)
          .values({ organizationId: ctx.org.id, ...input })
          .returning(strategicObjectiveColumns);
        if (!created) throw new Error("strategic objective was not created");
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "strategic_objective",
          entityId: created.id,
          action: "strategic_objective.created",
          details: input,
        });
        return created;
      });
    }),

  /** Edits a strategic objective, or moves it to another perspective; a stale version is a conflict. */
  updateObjective: orgProcedure("strategy.manage")
    .input(ZStrategicObjectiveUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const current = await findStrategicObjective(tx, ctx.org.id, input.strategicObjectiveId);
        if (current.version !== input.version) throw editConflict("strategic objective", current);
        if (input.perspectiveId && input.perspectiveId !== current.perspectiveId) {
          await findPerspective(tx, ctx.org.id, input.perspectiveId);
        }
        // A new owner must be an active member; keeping the current one needs no check.
        if (input.ownerId && input.ownerId !== current.ownerId) {
          await requireActiveOwner(tx, ctx.org.id, input.ownerId);
        }
        const { strategicObjectiveId, version, ...changes } = input;
        const [updated] = await tx
          .update(strategicObjectives)
          .set({ ...changes, updatedAt: sql`now()`, version: sql`${strategicObjectives.version} + 1` })
          .where(
            and(
              eq(strategicObjectives.id, strategicObjectiveId),
              eq(strategicObjectives.organizationId, ctx.org.id),
              eq(strategicObjectives.version, version),
            ),
          )
          .returning(strategicObjectiveColumns);
        if (!updated) {
          throw editConflict("strategic objective", await findStrategicObjective(tx, ctx.org.id, strategicObjectiveId));
        }
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "strategic_objective",
          entityId: strategicObjectiveId,
          action: "strategic_objective.updated",
          details: { changes },
        });
        return updated;
      });
    }),

  /**
   * Removes a strategic objective with its links. Its KPIs stay, unlinked, and
   * OKR objectives aligned to it lose the alignment (the foreign keys set null).
   */
  removeObjective: orgProcedure("strategy.manage")
    .input(ZStrategicObjectiveRefSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const current = await findStrategicObjective(tx, ctx.org.id, input.strategicObjectiveId);
        if (current.version !== input.version) throw editConflict("strategic objective", current);
        const [[linkedKpis], [alignedOkrs]] = await Promise.all([
          tx
            .select({ n: count() })
            .from(kpis)
            .where(and(eq(kpis.organizationId, ctx.org.id), eq(kpis.strategicObjectiveId, current.id))),
          tx
            .select({ n: count() })
            .from(objectives)
            .where(and(eq(objectives.organizationId, ctx.org.id), eq(objectives.strategicObjectiveId, current.id))),
        ]);
        const removed = await tx
          .delete(strategicObjectives)
          .where(
            and(
              eq(strategicObjectives.id, current.id),
              eq(strategicObjectives.organizationId, ctx.org.id),
              eq(strategicObjectives.version, input.version),
            ),
          )
          .returning({ id: strategicObjectives.id });
        if (!removed.length) {
          throw editConflict("strategic objective", await findStrategicObjective(tx, ctx.org.id, current.id));
        }
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "strategic_objective",
          entityId: current.id,
          action: "strategic_objective.removed",
          details: { name: current.name, kpisUnlinked: linkedKpis?.n ?? 0, okrsUnaligned: alignedOkrs?.n ?? 0 },
        });
        return { id: current.id };
      });
    }),

  /** Draws a cause → effect arrow; linking the same pair again returns the existing link and adds nothing. */
  link: orgProcedure("strategy.manage")
    .input(ZStrategyLinkSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        await findStrategicObjective(tx, ctx.org.id, input.causeId);
        await findStrategicObjective(tx, ctx.org.id, input.effectId);
        const pair = and(
          eq(strategyLinks.organizationId, ctx.org.id),
          eq(strategyLinks.causeId, input.causeId),
          eq(strategyLinks.effectId, input.effectId),
        );
        const columns = { id: strategyLinks.id, causeId: strategyLinks.causeId, effectId: strategyLinks.effectId };
        const [created] = await tx
          .insert(strategyLinks)
          .values({ organizationId: ctx.org.id, ...input })
          .onConflictDoNothing()
          .returning(columns);
        if (!created) {
          const [existing] = await tx.select(columns).from(strategyLinks).where(pair).limit(1);
          if (!existing) throw new Error("strategy link neither inserted nor found");
          return { ...existing, created: false };
        }
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "strategy_link",
          entityId: created.id,
          action: "strategy_link.created",
          details: input,
        });
        return { ...created, created: true };
      });
    }),

  unlink: orgProcedure("strategy.manage")
    .input(ZStrategyUnlinkSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const link = await findStrategyLink(tx, ctx.org.id, input.linkId);
        await tx
          .delete(strategyLinks)
          .where(and(eq(strategyLinks.id, link.id), eq(strategyLinks.organizationId, ctx.org.id)));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "strategy_link",
          entityId: link.id,
          action: "strategy_link.removed",
          details: { causeId: link.causeId, effectId: link.effectId },
        });
        return { id: link.id };
      });
    }),
});

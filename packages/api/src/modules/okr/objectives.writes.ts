import { and, eq, keyResults, objectives, sql } from "@meridian/db";
import {
  canPublishObjective,
  canWriteObjective,
  type ObjectiveWriteFacts,
  type Viewer,
  ZObjectiveCreateSchema,
  ZObjectiveRefSchema,
  ZObjectiveUpdateSchema,
} from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { editConflict, invalidInput } from "../../lib/errors";
import { loadViewer } from "../../lib/viewer";
import { type OrgContext, orgProcedure } from "../../trpc";
import { findStrategicObjective } from "../scorecard/strategy-rows";
import { validateParent } from "./alignment";
import {
  findCycle,
  findVisibleObjective,
  objectiveColumns,
  requireActivePerson,
  requireActiveTeam,
  requireOpenForPlanning,
} from "./objective-rows";

function requireWrite(viewer: Viewer, facts: ObjectiveWriteFacts) {
  if (!canWriteObjective(viewer, facts)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message:
        facts.level === "company"
          ? "Only admins write company objectives."
          : "You can write your own personal objectives and those of teams you lead.",
    });
  }
}

export const objectiveMutations = {
  /** A new objective, with its key results, as a draft or (where the caller may publish) active at once. */
  create: orgProcedure("objective.write")
    .input(ZObjectiveCreateSchema)
    .mutation(async ({ ctx, input }) => {
      const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
      const ownerId = input.ownerId ?? ctx.user.id;
      if (input.level === "team" && !input.teamId) throw invalidInput("teamId", "A team objective needs a team.");
      const facts = { level: input.level, ownerId, teamId: input.teamId };
      requireWrite(viewer, facts);
      return ctx.db.transaction(async (tx) => {
        const cycle = await findCycle(tx, ctx.org.id, input.cycleId);
        requireOpenForPlanning(cycle);
        if (input.teamId) await requireActiveTeam(tx, ctx.org.id, input.teamId);
        await requireActivePerson(tx, ctx.org.id, ownerId);
        if (input.parentId) {
          await validateParent(
            tx,
            ctx.org.id,
            viewer,
            { id: null, cycleStartsOn: cycle.startsOn, cycleEndsOn: cycle.endsOn },
            input.parentId,
          );
        }
        if (input.strategicObjectiveId) await findStrategicObjective(tx, ctx.org.id, input.strategicObjectiveId);
        for (const kr of input.keyResults) if (kr.ownerId) await requireActivePerson(tx, ctx.org.id, kr.ownerId);
        const status = input.publish && canPublishObjective(viewer, facts) ? "active" : "draft";
        const [created] = await tx
          .insert(objectives)
          .values({
            organizationId: ctx.org.id,
            cycleId: cycle.id,
            level: input.level,
            title: input.title,
            description: input.description,
            ownerId,
            teamId: input.teamId,
            parentId: input.parentId,
            strategicObjectiveId: input.strategicObjectiveId,
            status,
            visibility: input.visibility,
            progressSource: input.progressSource,
            weight: input.weight,
          })
          .returning(objectiveColumns);
        if (!created) throw new Error("objective was not created");
        if (input.keyResults.length) {
          await tx.insert(keyResults).values(
            input.keyResults.map((kr) => ({
              organizationId: ctx.org.id,
              objectiveId: created.id,
              title: kr.title,
              type: kr.type,
              startValue: kr.startValue,
              targetValue: kr.targetValue,
              unit: kr.unit,
              unitLabel: kr.unitLabel,
              weight: kr.weight,
              ownerId: kr.ownerId ?? ownerId,
            })),
          );
        }
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "objective",
          entityId: created.id,
          action: "objective.created",
          details: { title: input.title, status, keyResults: input.keyResults.length },
        });
        return created;
      });
    }),

  /** Edits an objective; a stale version is a conflict carrying the current values. */
  update: orgProcedure("objective.write")
    .input(ZObjectiveUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
      return ctx.db.transaction(async (tx) => {
        const current = await findVisibleObjective(tx, ctx.org.id, viewer, input.objectiveId);
        requireWrite(viewer, current);
        const next = {
          level: current.level,
          ownerId: input.ownerId ?? current.ownerId,
          teamId: input.teamId === undefined ? current.teamId : input.teamId,
        };
        requireWrite(viewer, next);
        if (current.version !== input.version) throw editConflict("objective", current);
        if (current.status === "closed" || current.status === "archived") {
          throw new TRPCError({
            code: "PRECONDITION_FAILED",
            message: "A closed or archived objective cannot change.",
          });
        }
        const cycle = await findCycle(tx, ctx.org.id, current.cycleId);
        requireOpenForPlanning(cycle);
        if (next.level === "team" && !next.teamId) throw invalidInput("teamId", "A team objective needs a team.");
        if (input.teamId) await requireActiveTeam(tx, ctx.org.id, input.teamId);
        // A new owner must be an active member; keeping the current one needs no check.
        if (input.ownerId && input.ownerId !== current.ownerId)
          await requireActivePerson(tx, ctx.org.id, input.ownerId);
        if (input.parentId) {
          await validateParent(
            tx,
            ctx.org.id,
            viewer,
            { id: current.id, cycleStartsOn: cycle.startsOn, cycleEndsOn: cycle.endsOn },
            input.parentId,
          );
        }
        if (input.strategicObjectiveId) await findStrategicObjective(tx, ctx.org.id, input.strategicObjectiveId);
        const { objectiveId, version, ...changes } = input;
        const [updated] = await tx
          .update(objectives)
          .set({ ...changes, updatedAt: sql`now()`, version: sql`${objectives.version} + 1` })
          .where(
            and(
              eq(objectives.id, objectiveId),
              eq(objectives.organizationId, ctx.org.id),
              eq(objectives.version, version),
            ),
          )
          .returning(objectiveColumns);
        if (!updated) throw editConflict("objective", await findVisibleObjective(tx, ctx.org.id, viewer, objectiveId));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "objective",
          entityId: objectiveId,
          action: "objective.updated",
          details: { changes },
        });
        return updated;
      });
    }),

  /** Draft → active, by a lead of its team or an admin (or the owner of a personal objective). */
  publish: orgProcedure("objective.write")
    .input(ZObjectiveRefSchema)
    .mutation(async ({ ctx, input }) => transition(ctx, input, "draft", "active")),

  archive: orgProcedure("objective.write")
    .input(ZObjectiveRefSchema)
    .mutation(async ({ ctx, input }) => transition(ctx, input, null, "archived")),
};

async function transition(
  ctx: OrgContext,
  input: { objectiveId: string; version: number },
  from: "draft" | null,
  to: "active" | "archived",
) {
  const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
  return ctx.db.transaction(async (tx) => {
    const current = await findVisibleObjective(tx, ctx.org.id, viewer, input.objectiveId);
    const allowed = to === "active" ? canPublishObjective(viewer, current) : canWriteObjective(viewer, current);
    if (!allowed) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message:
          to === "active"
            ? "Only a lead of the team or an admin publishes this draft."
            : "You cannot archive this objective.",
      });
    }
    if (current.version !== input.version) throw editConflict("objective", current);
    requireOpenForPlanning(await findCycle(tx, ctx.org.id, current.cycleId));
    if ((from && current.status !== from) || current.status === "archived" || current.status === to) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: `This objective is ${current.status}.` });
    }
    const [updated] = await tx
      .update(objectives)
      .set({ status: to, updatedAt: sql`now()`, version: sql`${objectives.version} + 1` })
      .where(and(eq(objectives.id, current.id), eq(objectives.version, input.version)))
      .returning(objectiveColumns);
    if (!updated) throw editConflict("objective", await findVisibleObjective(tx, ctx.org.id, viewer, current.id));
    await recordActivity(tx, {
      organizationId: ctx.org.id,
      actorId: ctx.user.id,
      entityType: "objective",
      entityId: current.id,
      action: to === "active" ? "objective.published" : "objective.archived",
    });
    return updated;
  });
}

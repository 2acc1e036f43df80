import { and, count, eq, kpis, objectives, strategicObjectives, strategyLinks } from "@meridian/db";
import type {
  TStrategyUnlink,
  ZStrategicObjectiveCreateSchema,
  ZStrategicObjectiveRefSchema,
  ZStrategicObjectiveUpdateSchema,
  ZStrategyLinkSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { requireActiveOwner } from "../../lib/active-owner";
import { activityBy, recordActivity } from "../../lib/activity";
import type { OrgScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import { atVersion, auditedDelete } from "./org-rows";
import {
  findPerspective,
  findStrategicObjective,
  findStrategyLink,
  strategicObjectiveColumns,
  strategyLinkColumns,
} from "./strategy-rows";

const OBJECTIVE = "strategic objective";

/** A new strategic objective in a perspective's band. */
export async function createStrategicObjective(
  scope: OrgScope,
  input: z.output<typeof ZStrategicObjectiveCreateSchema>,
) {
  return scope.db.transaction(async (tx) => {
    await findPerspective(tx, scope.org.id, input.perspectiveId);
    await requireActiveOwner(tx, scope.org.id, input.ownerId);
    const [created] = await tx
      .insert(strategicObjectives)
      .values({ organizationId: scope.org.id, ...input })
      .returning(strategicObjectiveColumns);
    if (!created) throw new Error("strategic objective was not created");
    await recordActivity(
      tx,
      activityBy(scope, "strategic_objective", created.id, "strategic_objective.created", input),
    );
    return created;
  });
}

/** Edits a strategic objective, or moves it to another perspective; a stale version is a conflict. */
export async function updateStrategicObjective(
  scope: OrgScope,
  input: z.output<typeof ZStrategicObjectiveUpdateSchema>,
) {
  return scope.db.transaction(async (tx) => {
    const current = atVersion(
      await findStrategicObjective(tx, scope.org.id, input.strategicObjectiveId),
      input.version,
      OBJECTIVE,
    );
    if (input.perspectiveId && input.perspectiveId !== current.perspectiveId) {
      await findPerspective(tx, scope.org.id, input.perspectiveId);
    }
    // A new owner must be an active member; keeping the current one needs no check.
    if (input.ownerId && input.ownerId !== current.ownerId) {
      await requireActiveOwner(tx, scope.org.id, input.ownerId);
    }
    const { strategicObjectiveId, version, ...changes } = input;
    return auditedUpdate(tx, {
      table: strategicObjectives,
      id: strategicObjectiveId,
      version,
      set: changes,
      returning: strategicObjectiveColumns,
      conflict: { what: OBJECTIVE, current: () => findStrategicObjective(tx, scope.org.id, strategicObjectiveId) },
      activity: activityBy(scope, "strategic_objective", strategicObjectiveId, "strategic_objective.updated", {
        changes,
      }),
    });
  });
}

/**
 * Removes a strategic objective with its links. Its KPIs stay, unlinked, and
 * OKR objectives aligned to it lose the alignment (the foreign keys set null).
 */
export async function removeStrategicObjective(scope: OrgScope, input: z.output<typeof ZStrategicObjectiveRefSchema>) {
  return scope.db.transaction(async (tx) => {
    const current = atVersion(
      await findStrategicObjective(tx, scope.org.id, input.strategicObjectiveId),
      input.version,
      OBJECTIVE,
    );
    const [[linkedKpis], [alignedOkrs]] = await Promise.all([
      tx
        .select({ n: count() })
        .from(kpis)
        .where(and(eq(kpis.organizationId, scope.org.id), eq(kpis.strategicObjectiveId, current.id))),
      tx
        .select({ n: count() })
        .from(objectives)
        .where(and(eq(objectives.organizationId, scope.org.id), eq(objectives.strategicObjectiveId, current.id))),
    ]);
    await auditedDelete(tx, {
      table: strategicObjectives,
      id: current.id,
      version: input.version,
      conflict: { what: OBJECTIVE, current: () => findStrategicObjective(tx, scope.org.id, current.id) },
      activity: activityBy(scope, "strategic_objective", current.id, "strategic_objective.removed", {
        name: current.name,
        kpisUnlinked: linkedKpis?.n ?? 0,
        okrsUnaligned: alignedOkrs?.n ?? 0,
      }),
    });
    return { id: current.id };
  });
}

/** Draws a cause → effect arrow; linking the same pair again returns the existing link and adds nothing. */
export async function linkStrategicObjectives(scope: OrgScope, input: z.output<typeof ZStrategyLinkSchema>) {
  return scope.db.transaction(async (tx) => {
    await findStrategicObjective(tx, scope.org.id, input.causeId);
    await findStrategicObjective(tx, scope.org.id, input.effectId);
    const pair = and(
      eq(strategyLinks.organizationId, scope.org.id),
      eq(strategyLinks.causeId, input.causeId),
      eq(strategyLinks.effectId, input.effectId),
    );
    const [created] = await tx
      .insert(strategyLinks)
      .values({ organizationId: scope.org.id, ...input })
      .onConflictDoNothing()
      .returning(strategyLinkColumns);
    if (!created) {
      const [existing] = await tx.select(strategyLinkColumns).from(strategyLinks).where(pair).limit(1);
      if (!existing) throw new Error("strategy link neither inserted nor found");
      return { ...existing, created: false };
    }
    await recordActivity(tx, activityBy(scope, "strategy_link", created.id, "strategy_link.created", input));
    return { ...created, created: true };
  });
}

/** Removes a cause → effect arrow. */
export async function unlinkStrategicObjectives(scope: OrgScope, input: TStrategyUnlink) {
  return scope.db.transaction(async (tx) => {
    const link = await findStrategyLink(tx, scope.org.id, input.linkId);
    await tx
      .delete(strategyLinks)
      .where(and(eq(strategyLinks.id, link.id), eq(strategyLinks.organizationId, scope.org.id)));
    await recordActivity(
      tx,
      activityBy(scope, "strategy_link", link.id, "strategy_link.removed", {
        causeId: link.causeId,
        effectId: link.effectId,
      }),
    );
    return { id: link.id };
  });
}

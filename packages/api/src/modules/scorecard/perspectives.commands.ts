import { and, count, eq, organizations, perspectives, sql, strategicObjectives } from "@meridian/db";
import {
  perspectiveOrderError,
  type TPerspectiveReorder,
  type ZPerspectiveCreateSchema,
  type ZPerspectiveRefSchema,
  type ZPerspectiveUpdateSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { activityBy, recordActivity } from "../../lib/activity";
import { invalidInput, preconditionFailed } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import { ensureDefaultPerspectives } from "./default-perspectives";
import { atVersion, auditedDelete } from "./org-rows";
import { perspectivesOf } from "./perspectives.queries";
import { findPerspective, perspectiveColumns } from "./strategy-rows";

/**
 * The four default perspectives, for an organization that has none; one that
 * shaped its own is left alone. Repeating it adds nothing.
 */
export async function addDefaultPerspectives(scope: OrgScope) {
  return scope.db.transaction(async (tx) => {
    // Two admins pressing the button at once must not get eight bands.
    await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, scope.org.id))
      .for("update");
    const added = await ensureDefaultPerspectives(tx, scope.org.id);
    if (added > 0) {
      await recordActivity(
        tx,
        activityBy(scope, "organization", scope.org.id, "perspectives.defaults_added", { added }),
      );
    }
    return { added };
  });
}

/** A new perspective, appended as the bottom band. */
export async function createPerspective(scope: OrgScope, input: z.output<typeof ZPerspectiveCreateSchema>) {
  return scope.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${perspectives.position}), -1)` })
      .from(perspectives)
      .where(eq(perspectives.organizationId, scope.org.id));
    const [created] = await tx
      .insert(perspectives)
      .values({
        organizationId: scope.org.id,
        name: input.name,
        weight: input.weight,
        position: Number(last?.position ?? -1) + 1,
      })
      .returning(perspectiveColumns);
    if (!created) throw new Error("perspective was not created");
    await recordActivity(tx, activityBy(scope, "perspective", created.id, "perspective.created", input));
    return created;
  });
}

/** Renames or reweights a perspective; a stale version is a conflict carrying the current values. */
export async function updatePerspective(scope: OrgScope, input: z.output<typeof ZPerspectiveUpdateSchema>) {
  return scope.db.transaction(async (tx) => {
    atVersion(await findPerspective(tx, scope.org.id, input.perspectiveId), input.version, "perspective");
    const { perspectiveId, version, ...changes } = input;
    return auditedUpdate(tx, {
      table: perspectives,
      id: perspectiveId,
      version,
      set: changes,
      returning: perspectiveColumns,
      conflict: { what: "perspective", current: () => findPerspective(tx, scope.org.id, perspectiveId) },
      activity: activityBy(scope, "perspective", perspectiveId, "perspective.updated", { changes }),
    });
  });
}

/**
 * Puts the perspectives in the given order (top band first). The list must
 * name each of the organization's perspectives once; the same order again changes nothing.
 */
export async function reorderPerspectives(scope: OrgScope, input: TPerspectiveReorder) {
  return scope.db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: perspectives.id, position: perspectives.position })
      .from(perspectives)
      .where(eq(perspectives.organizationId, scope.org.id))
      .for("update");
    const error = perspectiveOrderError(
      input.perspectiveIds,
      existing.map((p) => p.id),
    );
    if (error) throw invalidInput("perspectiveIds", error);
    const positionOf = new Map(existing.map((p) => [p.id, p.position]));
    const moved = input.perspectiveIds
      .map((id, position) => ({ id, position }))
      .filter((p) => positionOf.get(p.id) !== p.position);
    for (const p of moved) {
      await tx
        .update(perspectives)
        .set({ position: p.position, updatedAt: sql`now()`, version: sql`${perspectives.version} + 1` })
        .where(and(eq(perspectives.id, p.id), eq(perspectives.organizationId, scope.org.id)));
    }
    if (moved.length) {
      // The order belongs to the organization as a whole, not to one perspective.
      await recordActivity(
        tx,
        activityBy(scope, "organization", scope.org.id, "perspective.reordered", { order: input.perspectiveIds }),
      );
    }
    return perspectivesOf(tx, scope.org.id);
  });
}

/** Removes an empty perspective; one still holding strategic objectives is refused, never emptied silently. */
export async function removePerspective(scope: OrgScope, input: z.output<typeof ZPerspectiveRefSchema>) {
  return scope.db.transaction(async (tx) => {
    const current = atVersion(
      await findPerspective(tx, scope.org.id, input.perspectiveId),
      input.version,
      "perspective",
    );
    const [held] = await tx
      .select({ n: count() })
      .from(strategicObjectives)
      .where(
        and(eq(strategicObjectives.organizationId, scope.org.id), eq(strategicObjectives.perspectiveId, current.id)),
      );
    const n = held?.n ?? 0;
    if (n > 0) {
      throw preconditionFailed(
        `"${current.name}" still holds ${n} strategic objective${n === 1 ? "" : "s"}. Move them to another perspective or remove them first.`,
      );
    }
    await auditedDelete(tx, {
      table: perspectives,
      id: current.id,
      version: input.version,
      conflict: { what: "perspective", current: () => findPerspective(tx, scope.org.id, current.id) },
      activity: activityBy(scope, "perspective", current.id, "perspective.removed", { name: current.name }),
    });
    return { id: current.id };
  });
}

import { and, cycles, type Executor, eq, objectives, rows, sql } from "@meridian/db";
import { canSeeObjective, type Viewer } from "@meridian/domain";
import { invalidInput, notFound } from "../../lib/errors";

/**
 * Checks a new parent (alignment) for an objective: it must be visible to the
 * caller, in the same cycle or one whose dates enclose the objective's cycle,
 * and it must not put the objective under itself.
 */
export async function validateParent(
  tx: Executor,
  organizationId: string,
  viewer: Viewer,
  child: { id: string | null; cycleStartsOn: string; cycleEndsOn: string },
  parentId: string,
): Promise<void> {
  const [parent] = await tx
    .select({
      id: objectives.id,
      ownerId: objectives.ownerId,
      teamId: objectives.teamId,
      visibility: objectives.visibility,
      status: objectives.status,
      startsOn: cycles.startsOn,
      endsOn: cycles.endsOn,
    })
    .from(objectives)
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(objectives.id, parentId), eq(objectives.organizationId, organizationId)))
    .limit(1);
  if (!parent || !canSeeObjective(viewer, parent)) {
    throw notFound("No such parent objective.");
  }
  if (parent.status === "archived") throw invalidInput("parentId", "An archived objective cannot be aligned to.");
  if (parent.startsOn > child.cycleStartsOn || parent.endsOn < child.cycleEndsOn) {
    throw invalidInput("parentId", "Align to an objective of the same cycle or of one that spans it.");
  }
  if (child.id === null) return;
  if (child.id === parentId || (await isAncestor(tx, organizationId, child.id, parentId))) {
    throw invalidInput("parentId", "That alignment would make the objective contribute to itself.");
  }
}

/** Whether `ancestorId` lies on the alignment chain above `startId`, walked in one recursive query. */
async function isAncestor(tx: Executor, organizationId: string, ancestorId: string, startId: string): Promise<boolean> {
  const result = await tx.execute(sql`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from objectives where id = ${startId} and organization_id = ${organizationId}
      union all
      select o.id, o.parent_id, chain.depth + 1
      from objectives o join chain on o.id = chain.parent_id
      where o.organization_id = ${organizationId} and chain.depth < 1000
    )
    select 1 as found from chain where id = ${ancestorId} limit 1`);
  return rows(result).length > 0;
}

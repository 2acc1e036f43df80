import { asc, count, type Executor, eq, perspectives, strategicObjectives } from "@meridian/db";
import type { OrgScope } from "../../lib/scope";
import { perspectiveColumns } from "./strategy-rows";

/**
 * The organization's perspectives in order, with how many strategic objectives
 * each holds. Reading never creates rows: defaults are given when an organization is made.
 */
export async function perspectivesOf(db: Executor, organizationId: string) {
  return db
    .select({ ...perspectiveColumns, objectiveCount: count(strategicObjectives.id) })
    .from(perspectives)
    .leftJoin(strategicObjectives, eq(strategicObjectives.perspectiveId, perspectives.id))
    .where(eq(perspectives.organizationId, organizationId))
    .groupBy(perspectives.organizationId, perspectives.id)
    .orderBy(asc(perspectives.position), asc(perspectives.name));
}

export function listPerspectives(scope: OrgScope) {
  return perspectivesOf(scope.db, scope.org.id);
}

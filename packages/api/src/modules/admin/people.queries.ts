import { and, asc, eq, isNull, memberships, users } from "@meridian/db";
import type { OrgScope } from "../../lib/scope";

/** The organization's active people, for choosing owners; no emails, which only admins see. */
export function listPeople(scope: OrgScope) {
  return scope.db
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, scope.org.id), isNull(memberships.deactivatedAt)))
    .orderBy(asc(users.name));
}

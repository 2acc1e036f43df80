import { and, type Executor, eq, isNull, memberships } from "@meridian/db";
import { notFound } from "../../lib/errors";

/**
 * The person's membership here, or NOT_FOUND: other organizations' people do
 * not exist for this one. `activeOnly` treats a deactivated member as absent too.
 */
export async function findMember(
  tx: Executor,
  organizationId: string,
  userId: string,
  options: { activeOnly?: boolean } = {},
) {
  const conditions = [eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)];
  if (options.activeOnly) conditions.push(isNull(memberships.deactivatedAt));
  const [member] = await tx
    .select({ id: memberships.id, role: memberships.role, deactivatedAt: memberships.deactivatedAt })
    .from(memberships)
    .where(and(...conditions))
    .limit(1);
  if (!member) throw notFound("No such person in this organization.");
  return member;
}

/** The person's active membership here, or NOT_FOUND. */
export function findActiveMember(tx: Executor, organizationId: string, userId: string) {
  return findMember(tx, organizationId, userId, { activeOnly: true });
}

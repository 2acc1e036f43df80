import { and, type Executor, eq, isNull, memberships, users } from "@meridian/db";
import { invalidInput } from "./errors";

/** An owner must be an active member of the organization, with an active account. */
export async function requireActiveOwner(tx: Executor, organizationId: string, userId: string) {
  const [member] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.userId, userId),
        isNull(memberships.deactivatedAt),
        eq(users.isActive, true),
      ),
    )
    .limit(1);
  if (!member) throw invalidInput("ownerId", "Choose an active member of this organization as the owner.");
}

import { and, type Executor, eq, isNull, memberships } from "@meridian/db";
import { TRPCError } from "@trpc/server";

/** The person's active membership here, or NOT_FOUND: other organizations' people do not exist for this one. */
export async function findActiveMember(tx: Executor, organizationId: string, userId: string) {
  const [member] = await tx
    .select({ id: memberships.id, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.userId, userId),
        isNull(memberships.deactivatedAt),
      ),
    )
    .limit(1);
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "No such person in this organization." });
  return member;
}

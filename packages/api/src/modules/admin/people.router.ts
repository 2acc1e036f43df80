import { and, asc, eq, isNull, memberships, users } from "@meridian/db";
import { orgProcedure, router } from "../../trpc";

export const peopleRouter = router({
  /** The organization's active people, for choosing owners; no emails, which only admins see. */
  list: orgProcedure("organization.read").query(({ ctx }) =>
    ctx.db
      .select({ id: users.id, name: users.name, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, ctx.org.id), isNull(memberships.deactivatedAt)))
      .orderBy(asc(users.name)),
  ),
});

import { and, asc, eq, isNull, memberships, organizations } from "@meridian/db";
import { can, PERMISSIONS, type Permission } from "@meridian/domain";
import { authedProcedure, loadMembership, router } from "../../trpc";

export const meRouter = router({
  /** Who is signed in, their organizations, and what they may do in the current one. */
  get: authedProcedure.meta({ allowTemporaryPassword: true }).query(async ({ ctx }) => {
    const [active, all] = await Promise.all([
      loadMembership(ctx.db, ctx.user.id, ctx.requestedOrganizationId),
      ctx.db
        .select({ id: organizations.id, name: organizations.name, role: memberships.role })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(and(eq(memberships.userId, ctx.user.id), isNull(memberships.deactivatedAt)))
        .orderBy(asc(organizations.name)),
    ]);
    const permissions = active ? (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(active.role, p)) : [];
    return { user: ctx.user, organization: active, organizations: all, permissions };
  }),
});

import { hashPassword } from "@meridian/auth/password";
import {
  and,
  asc,
  type Executor,
  eq,
  isNull,
  memberships,
  ne,
  organizations,
  sql,
  teamMembers,
  teams,
  users,
} from "@meridian/db";
import { type Role, ZUserCreateSchema, ZUserRefSchema, ZUserRoleChangeSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { groupBy } from "../../lib/group-by";
import { orgProcedure, router } from "../../trpc";
import { generateTemporaryPassword } from "./temporary-password";

export const usersRouter = router({
  /** Everyone in the organization, with role, status and teams. */
  list: orgProcedure("user.manage").query(async ({ ctx }) => {
    const [people, teamRows] = await Promise.all([
      ctx.db
        .select({
          id: users.id,
          email: users.email,
          name: users.name,
          role: memberships.role,
          deactivatedAt: memberships.deactivatedAt,
          mustChangePassword: users.mustChangePassword,
          createdAt: memberships.createdAt,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organizationId, ctx.org.id))
        .orderBy(asc(users.name)),
      ctx.db
        .select({ userId: teamMembers.userId, name: teams.name, role: teamMembers.role })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .where(and(eq(teamMembers.organizationId, ctx.org.id), isNull(teams.archivedAt)))
        .orderBy(asc(teams.name)),
    ]);
    const teamsOf = groupBy(teamRows, (t) => t.userId);
    return people.map((p) => ({
      ...p,
      active: p.deactivatedAt === null,
      teams: (teamsOf.get(p.id) ?? []).map(({ name, role }) => ({ name, role })),
    }));
  }),

  /**
   * Adds a person. A new account gets a one-time temporary password, returned
   * here once and never stored in the clear; someone who already has an account
   * (in another organization) simply joins with the chosen role.
   */
  create: orgProcedure("user.manage")
    .input(ZUserCreateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
        let userId = existing?.id;
        let temporaryPassword: string | null = null;
        if (userId) {
          const [member] = await tx
            .select({ id: memberships.id })
            .from(memberships)
            .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, userId)))
            .limit(1);
          if (member)
            throw new TRPCError({ code: "CONFLICT", message: `${input.email} is already in this organization.` });
        } else {
          temporaryPassword = generateTemporaryPassword();
          const [created] = await tx
            .insert(users)
            .values({
              email: input.email,
              name: input.name,
              passwordHash: await hashPassword(temporaryPassword),
              mustChangePassword: true,
            })
            .returning({ id: users.id });
          userId = created?.id;
        }
        if (!userId) throw new Error("user was not created");
        await tx.insert(memberships).values({ organizationId: ctx.org.id, userId, role: input.role });
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "user",
          entityId: userId,
          action: existing ? "user.added" : "user.created",
          details: { email: input.email, role: input.role },
        });
        return { userId, temporaryPassword };
      });
    }),

  changeRole: orgProcedure("user.manage")
    .input(ZUserRoleChangeSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const member = await findMember(tx, ctx.org.id, input.userId);
        if (member.role === input.role) return { role: member.role };
        if (member.role === "admin") await ensureAnotherAdmin(tx, ctx.org.id, input.userId);
        await tx
          .update(memberships)
          .set({ role: input.role, updatedAt: sql`now()`, version: sql`${memberships.version} + 1` })
          .where(eq(memberships.id, member.id));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "user",
          entityId: input.userId,
          action: "user.role_changed",
          details: { from: member.role, to: input.role },
        });
        return { role: input.role };
      });
    }),

  /** Ends the person's access here and every session they have; their objectives and history stay. */
  deactivate: orgProcedure("user.manage")
    .input(ZUserRefSchema)
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "You cannot deactivate yourself." });
      }
      return ctx.db.transaction(async (tx) => {
        const member = await findMember(tx, ctx.org.id, input.userId);
        if (member.deactivatedAt) return { active: false };
        if (member.role === "admin") await ensureAnotherAdmin(tx, ctx.org.id, input.userId);
        await tx
          .update(memberships)
          .set({ deactivatedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${memberships.version} + 1` })
          .where(eq(memberships.id, member.id));
        await endSessions(tx, input.userId);
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "user",
          entityId: input.userId,
          action: "user.deactivated",
        });
        return { active: false };
      });
    }),

  reactivate: orgProcedure("user.manage")
    .input(ZUserRefSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const member = await findMember(tx, ctx.org.id, input.userId);
        if (!member.deactivatedAt) return { active: true };
        await tx
          .update(memberships)
          .set({ deactivatedAt: null, updatedAt: sql`now()`, version: sql`${memberships.version} + 1` })
          .where(eq(memberships.id, member.id));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "user",
          entityId: input.userId,
          action: "user.reactivated",
        });
        return { active: true };
      });
    }),

  /**
   * Issues a new temporary password and ends the person's sessions. Only for
   * people whose account belongs to this organization alone: an admin here has
   * no say over an account others share.
   */
  resetPassword: orgProcedure("user.manage")
    .input(ZUserRefSchema)
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "Change your own password from your account page." });
      }
      return ctx.db.transaction(async (tx) => {
        await findMember(tx, ctx.org.id, input.userId);
        const elsewhere = await tx
          .select({ id: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.userId, input.userId), ne(memberships.organizationId, ctx.org.id)))
          .limit(1);
        if (elsewhere.length > 0) {
          throw new TRPCError({
            code: "FORBIDDEN",
            message: "This person also belongs to another organization, so only they can change their password.",
          });
        }
        const temporaryPassword = generateTemporaryPassword();
        await tx
          .update(users)
          .set({
            passwordHash: await hashPassword(temporaryPassword),
            mustChangePassword: true,
            sessionVersion: sql`${users.sessionVersion} + 1`,
            updatedAt: sql`now()`,
          })
          .where(eq(users.id, input.userId));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "user",
          entityId: input.userId,
          action: "user.password_reset",
        });
        return { temporaryPassword };
      });
    }),
});

async function findMember(tx: Executor, organizationId: string, userId: string) {
  const [member] = await tx
    .select({ id: memberships.id, role: memberships.role, deactivatedAt: memberships.deactivatedAt })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .limit(1);
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "No such person in this organization." });
  return member;
}

/** An organization always keeps at least one active admin. */
async function ensureAnotherAdmin(tx: Executor, organizationId: string, leavingUserId: string) {
  // Serializes admin removals per organization, so two admins cannot remove each other at once.
  await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("update");
  const others = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, "admin" satisfies Role),
        isNull(memberships.deactivatedAt),
        ne(memberships.userId, leavingUserId),
      ),
    )
    .limit(1);
  if (others.length === 0) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "The organization needs at least one other active admin first.",
    });
  }
}

export async function endSessions(tx: Executor, userId: string) {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

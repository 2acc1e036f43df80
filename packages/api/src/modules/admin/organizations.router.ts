import {
  and,
  count,
  cycles,
  eq,
  isNull,
  memberships,
  objectives,
  organizations,
  sql,
  teams,
  users,
} from "@meridian/db";
import { ZOrganizationSettingsSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { editConflict } from "../../lib/errors";
import { orgProcedure, router } from "../../trpc";

const settingsColumns = {
  id: organizations.id,
  name: organizations.name,
  fiscalYearStartMonth: organizations.fiscalYearStartMonth,
  defaultCycleMonths: organizations.defaultCycleMonths,
  version: organizations.version,
};

export const organizationsRouter = router({
  settings: orgProcedure("organization.read").query(async ({ ctx }) => {
    const [org] = await ctx.db.select(settingsColumns).from(organizations).where(eq(organizations.id, ctx.org.id));
    if (!org) throw new TRPCError({ code: "NOT_FOUND", message: "No such organization." });
    return org;
  }),

  updateSettings: orgProcedure("organization.manage")
    .input(ZOrganizationSettingsSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const { version, ...changes } = input;
        const [updated] = await tx
          .update(organizations)
          .set({ ...changes, updatedAt: sql`now()`, version: sql`${organizations.version} + 1` })
          .where(and(eq(organizations.id, ctx.org.id), eq(organizations.version, version)))
          .returning(settingsColumns);
        if (!updated) {
          const [current] = await tx
            .select(settingsColumns)
            .from(organizations)
            .where(eq(organizations.id, ctx.org.id));
          throw editConflict("organization", current ?? {});
        }
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "organization",
          entityId: ctx.org.id,
          action: "organization.settings_updated",
          details: changes,
        });
        return updated;
      });
    }),

  /** The admin's home: how far set-up has come, and what to do next. */
  overview: orgProcedure("organization.manage").query(async ({ ctx }) => {
    const scope = ctx.org.id;
    const [[people], [admins], [teamCount], [cycleCount], [openCycles], [objectiveCount], [pendingPasswords]] =
      await Promise.all([
        ctx.db
          .select({ n: count() })
          .from(memberships)
          .where(and(eq(memberships.organizationId, scope), isNull(memberships.deactivatedAt))),
        ctx.db
          .select({ n: count() })
          .from(memberships)
          .where(
            and(
              eq(memberships.organizationId, scope),
              eq(memberships.role, "admin"),
              isNull(memberships.deactivatedAt),
            ),
          ),
        ctx.db
          .select({ n: count() })
          .from(teams)
          .where(and(eq(teams.organizationId, scope), isNull(teams.archivedAt))),
        ctx.db.select({ n: count() }).from(cycles).where(eq(cycles.organizationId, scope)),
        ctx.db
          .select({ n: count() })
          .from(cycles)
          .where(and(eq(cycles.organizationId, scope), eq(cycles.status, "open"))),
        ctx.db.select({ n: count() }).from(objectives).where(eq(objectives.organizationId, scope)),
        ctx.db
          .select({ n: count() })
          .from(memberships)
          .innerJoin(users, and(eq(users.id, memberships.userId), eq(users.mustChangePassword, true)))
          .where(and(eq(memberships.organizationId, scope), isNull(memberships.deactivatedAt))),
      ]);
    const counts = {
      people: people?.n ?? 0,
      admins: admins?.n ?? 0,
      teams: teamCount?.n ?? 0,
      cycles: cycleCount?.n ?? 0,
      openCycles: openCycles?.n ?? 0,
      objectives: objectiveCount?.n ?? 0,
      pendingPasswords: pendingPasswords?.n ?? 0,
    };
    const setupTasks = [
      {
        key: "people",
        label: "Invite the people who will use Meridian",
        done: counts.people > 1,
        href: "/settings/users",
      },
      { key: "teams", label: "Arrange your teams in a tree", done: counts.teams > 0, href: "/settings/teams" },
      {
        key: "second-admin",
        label: "Add a second admin so you are never locked out",
        done: counts.admins > 1,
        href: "/settings/users",
      },
      { key: "cycle", label: "Open a cycle to plan in", done: counts.openCycles > 0, href: "/settings/organization" },
      {
        key: "objectives",
        label: "Write the first company objectives",
        done: counts.objectives > 0,
        href: "/dashboard",
      },
    ];
    return { counts, setupTasks };
  }),
});

import { and, count, cycles, eq, isNull, memberships, objectives, organizations, teams, users } from "@meridian/db";
import { notFound } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";

export const settingsColumns = {
  id: organizations.id,
  name: organizations.name,
  fiscalYearStartMonth: organizations.fiscalYearStartMonth,
  defaultCycleMonths: organizations.defaultCycleMonths,
  version: organizations.version,
};

export async function organizationSettings(scope: OrgScope) {
  const [org] = await scope.db.select(settingsColumns).from(organizations).where(eq(organizations.id, scope.org.id));
  if (!org) throw notFound("No such organization.");
  return org;
}

/** The admin's home: how far set-up has come, and what to do next. */
export async function organizationOverview(scope: OrgScope) {
  const { db } = scope;
  const orgId = scope.org.id;
  const activeMembers = and(eq(memberships.organizationId, orgId), isNull(memberships.deactivatedAt));
  const [[people], [admins], [teamCount], [cycleCount], [openCycles], [objectiveCount], [pendingPasswords]] =
    await Promise.all([
      db.select({ n: count() }).from(memberships).where(activeMembers),
      db
        .select({ n: count() })
        .from(memberships)
        .where(and(activeMembers, eq(memberships.role, "admin"))),
      db
        .select({ n: count() })
        .from(teams)
        .where(and(eq(teams.organizationId, orgId), isNull(teams.archivedAt))),
      db.select({ n: count() }).from(cycles).where(eq(cycles.organizationId, orgId)),
      db
        .select({ n: count() })
        .from(cycles)
        .where(and(eq(cycles.organizationId, orgId), eq(cycles.status, "open"))),
      db.select({ n: count() }).from(objectives).where(eq(objectives.organizationId, orgId)),
      db
        .select({ n: count() })
        .from(memberships)
        .innerJoin(users, and(eq(users.id, memberships.userId), eq(users.mustChangePassword, true)))
        .where(activeMembers),
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
    { key: "objectives", label: "Write the first company objectives", done: counts.objectives > 0, href: "/dashboard" },
  ];
  return { counts, setupTasks };
}

import { and, asc, eq, isNull, teamMembers, teams, users } from "@meridian/db";
import type { TeamMemberRole } from "@meridian/domain";
import { orgProcedure, router } from "../trpc";

export interface TeamView {
  id: string;
  name: string;
  parentId: string | null;
  members: { id: string; name: string; role: TeamMemberRole }[];
}

export const teamsRouter = router({
  /** Active teams of the organization with their people; `parentId` gives the tree. */
  list: orgProcedure("team.read").query(async ({ ctx }): Promise<TeamView[]> => {
    const [teamRows, memberRows] = await Promise.all([
      ctx.db
        .select({ id: teams.id, name: teams.name, parentId: teams.parentId })
        .from(teams)
        .where(and(eq(teams.organizationId, ctx.org.id), isNull(teams.archivedAt)))
        .orderBy(asc(teams.name)),
      ctx.db
        .select({ teamId: teamMembers.teamId, id: users.id, name: users.name, role: teamMembers.role })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(eq(teamMembers.organizationId, ctx.org.id))
        .orderBy(asc(teamMembers.role), asc(users.name)),
    ]);
    return teamRows.map((t) => ({
      ...t,
      members: memberRows.filter((m) => m.teamId === t.id).map(({ teamId: _, ...m }) => m),
    }));
  }),
});

import { and, asc, type Executor, eq, isNull, sql, teamMembers, teams, users } from "@meridian/db";
import {
  type TeamMemberRole,
  wouldCreateLoop,
  ZTeamCreateSchema,
  ZTeamMemberSetSchema,
  ZTeamRefSchema,
  ZTeamUpdateSchema,
} from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { editConflict } from "../../lib/errors";
import { groupBy } from "../../lib/group-by";
import { orgProcedure, router } from "../../trpc";
import { findActiveMember } from "./members";

export interface TeamView {
  id: string;
  name: string;
  parentId: string | null;
  version: number;
  members: { id: string; name: string; role: TeamMemberRole }[];
}

export const teamsRouter = router({
  /** Active teams of the organization with their people; `parentId` gives the tree. */
  list: orgProcedure("team.read").query(async ({ ctx }): Promise<TeamView[]> => {
    const [teamRows, memberRows] = await Promise.all([
      ctx.db
        .select({ id: teams.id, name: teams.name, parentId: teams.parentId, version: teams.version })
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
    const membersOf = groupBy(memberRows, (m) => m.teamId);
    return teamRows.map((t) => ({
      ...t,
      members: (membersOf.get(t.id) ?? []).map(({ teamId: _, ...m }) => m),
    }));
  }),

  create: orgProcedure("team.manage")
    .input(ZTeamCreateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        if (input.parentId) await findTeam(tx, ctx.org.id, input.parentId);
        const [team] = await tx
          .insert(teams)
          .values({ organizationId: ctx.org.id, name: input.name, parentId: input.parentId })
          .returning({ id: teams.id, name: teams.name, parentId: teams.parentId, version: teams.version });
        if (!team) throw new Error("team was not created");
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "team",
          entityId: team.id,
          action: "team.created",
          details: { name: input.name, parentId: input.parentId },
        });
        return team;
      });
    }),

  /** Renames a team and/or moves it in the tree; never under itself. */
  update: orgProcedure("team.manage")
    .input(ZTeamUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const team = await findTeam(tx, ctx.org.id, input.teamId);
        if (team.version !== input.version) throw editConflict("team", team);
        if (input.parentId !== undefined && input.parentId !== null) {
          await findTeam(tx, ctx.org.id, input.parentId);
          const all = await tx
            .select({ id: teams.id, parentId: teams.parentId })
            .from(teams)
            .where(eq(teams.organizationId, ctx.org.id));
          const parentOf = new Map(all.map((t) => [t.id, t.parentId]));
          if (wouldCreateLoop(parentOf, input.teamId, input.parentId)) {
            throw new TRPCError({
              code: "BAD_REQUEST",
              message: "A team cannot be moved under itself or its own sub-teams.",
            });
          }
        }
        const [updated] = await tx
          .update(teams)
          .set({
            ...(input.name !== undefined && { name: input.name }),
            ...(input.parentId !== undefined && { parentId: input.parentId }),
            updatedAt: sql`now()`,
            version: sql`${teams.version} + 1`,
          })
          .where(and(eq(teams.id, input.teamId), eq(teams.version, input.version)))
          .returning({ id: teams.id, name: teams.name, parentId: teams.parentId, version: teams.version });
        if (!updated) throw editConflict("team", await findTeam(tx, ctx.org.id, input.teamId));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "team",
          entityId: input.teamId,
          action: "team.updated",
          details: {
            from: { name: team.name, parentId: team.parentId },
            to: { name: updated.name, parentId: updated.parentId },
          },
        });
        return updated;
      });
    }),

  /** Archives a team: it leaves the tree, its sub-teams move up to its parent, its objectives stay. */
  archive: orgProcedure("team.manage")
    .input(ZTeamRefSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const team = await findTeam(tx, ctx.org.id, input.teamId);
        if (team.version !== input.version) throw editConflict("team", team);
        await tx
          .update(teams)
          .set({ parentId: team.parentId, updatedAt: sql`now()`, version: sql`${teams.version} + 1` })
          .where(and(eq(teams.organizationId, ctx.org.id), eq(teams.parentId, team.id)));
        await tx
          .update(teams)
          .set({ archivedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${teams.version} + 1` })
          .where(eq(teams.id, team.id));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "team",
          entityId: team.id,
          action: "team.archived",
          details: { name: team.name },
        });
        return { archived: true };
      });
    }),

  /** Makes a person a lead or member of a team, or (role null) takes them off it. */
  setMember: orgProcedure("team.manage")
    .input(ZTeamMemberSetSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        await findTeam(tx, ctx.org.id, input.teamId);
        await findActiveMember(tx, ctx.org.id, input.userId);
        if (input.role === null) {
          await tx
            .delete(teamMembers)
            .where(and(eq(teamMembers.teamId, input.teamId), eq(teamMembers.userId, input.userId)));
        } else {
          await tx
            .insert(teamMembers)
            .values({ organizationId: ctx.org.id, teamId: input.teamId, userId: input.userId, role: input.role })
            .onConflictDoUpdate({ target: [teamMembers.teamId, teamMembers.userId], set: { role: input.role } });
        }
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "team",
          entityId: input.teamId,
          action: input.role === null ? "team.member_removed" : "team.member_set",
          details: { userId: input.userId, role: input.role },
        });
        return { role: input.role };
      });
    }),
});

async function findTeam(tx: Executor, organizationId: string, teamId: string) {
  const [team] = await tx
    .select({ id: teams.id, name: teams.name, parentId: teams.parentId, version: teams.version })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.organizationId, organizationId), isNull(teams.archivedAt)))
    .limit(1);
  if (!team) throw new TRPCError({ code: "NOT_FOUND", message: "No such team." });
  return team;
}

import { and, eq, sql, teamMembers, teams } from "@meridian/db";
import {
  wouldCreateLoop,
  type ZTeamCreateSchema,
  type ZTeamMemberSetSchema,
  type ZTeamRefSchema,
  type ZTeamUpdateSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { activityBy, recordActivity } from "../../lib/activity";
import { badRequest, editConflict } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import { findActiveMember } from "./members";
import { findTeam, teamColumns } from "./teams.queries";

export function createTeam(scope: OrgScope, input: z.output<typeof ZTeamCreateSchema>) {
  return scope.db.transaction(async (tx) => {
    if (input.parentId) await findTeam(tx, scope.org.id, input.parentId);
    const [team] = await tx
      .insert(teams)
      .values({ organizationId: scope.org.id, name: input.name, parentId: input.parentId })
      .returning(teamColumns);
    if (!team) throw new Error("team was not created");
    await recordActivity(
      tx,
      activityBy(scope, "team", team.id, "team.created", { name: input.name, parentId: input.parentId }),
    );
    return team;
  });
}

/** Renames a team and/or moves it in the tree; never under itself. */
export function updateTeam(scope: OrgScope, input: z.output<typeof ZTeamUpdateSchema>) {
  return scope.db.transaction(async (tx) => {
    const team = await findTeam(tx, scope.org.id, input.teamId);
    // Checked before the new parent, so a stale form hears of the conflict first.
    if (team.version !== input.version) throw editConflict("team", team);
    if (input.parentId !== undefined && input.parentId !== null) {
      await findTeam(tx, scope.org.id, input.parentId);
      const all = await tx
        .select({ id: teams.id, parentId: teams.parentId })
        .from(teams)
        .where(eq(teams.organizationId, scope.org.id));
      const parentOf = new Map(all.map((t) => [t.id, t.parentId]));
      if (wouldCreateLoop(parentOf, input.teamId, input.parentId)) {
        throw badRequest("A team cannot be moved under itself or its own sub-teams.");
      }
    }
    const name = input.name ?? team.name;
    const parentId = input.parentId !== undefined ? input.parentId : team.parentId;
    return auditedUpdate(tx, {
      table: teams,
      id: input.teamId,
      version: input.version,
      set: {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.parentId !== undefined && { parentId: input.parentId }),
      },
      returning: teamColumns,
      conflict: { what: "team", current: () => findTeam(tx, scope.org.id, input.teamId) },
      activity: activityBy(scope, "team", input.teamId, "team.updated", {
        from: { name: team.name, parentId: team.parentId },
        to: { name, parentId },
      }),
    });
  });
}

/** Archives a team: it leaves the tree, its sub-teams move up to its parent, its objectives stay. */
export function archiveTeam(scope: OrgScope, input: z.output<typeof ZTeamRefSchema>) {
  return scope.db.transaction(async (tx) => {
    const team = await findTeam(tx, scope.org.id, input.teamId);
    await tx
      .update(teams)
      .set({ parentId: team.parentId, updatedAt: sql`now()`, version: sql`${teams.version} + 1` })
      .where(and(eq(teams.organizationId, scope.org.id), eq(teams.parentId, team.id)));
    // A stale version rolls the sub-teams' move back with it.
    const archived = await auditedUpdate(tx, {
      table: teams,
      id: team.id,
      version: input.version,
      set: { archivedAt: sql`now()` },
      returning: teamColumns,
      conflict: { what: "team", current: () => findTeam(tx, scope.org.id, team.id) },
      activity: activityBy(scope, "team", team.id, "team.archived", { name: team.name }),
    });
    // The archived team with its new version: the client needs no read before its next change.
    return { archived: true as const, team: archived };
  });
}

/** Makes a person a lead or member of a team, or (role null) takes them off it. */
export function setTeamMember(scope: OrgScope, input: z.output<typeof ZTeamMemberSetSchema>) {
  return scope.db.transaction(async (tx) => {
    await findTeam(tx, scope.org.id, input.teamId);
    await findActiveMember(tx, scope.org.id, input.userId);
    if (input.role === null) {
      await tx
        .delete(teamMembers)
        .where(and(eq(teamMembers.teamId, input.teamId), eq(teamMembers.userId, input.userId)));
    } else {
      await tx
        .insert(teamMembers)
        .values({ organizationId: scope.org.id, teamId: input.teamId, userId: input.userId, role: input.role })
        .onConflictDoUpdate({
          target: [teamMembers.organizationId, teamMembers.teamId, teamMembers.userId],
          set: { role: input.role },
        });
    }
    await recordActivity(
      tx,
      activityBy(scope, "team", input.teamId, input.role === null ? "team.member_removed" : "team.member_set", {
        userId: input.userId,
        role: input.role,
      }),
    );
    return { role: input.role };
  });
}

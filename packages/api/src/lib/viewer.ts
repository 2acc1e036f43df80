import { and, type Executor, eq, teamMembers } from "@meridian/db";
import type { Role, Viewer } from "@meridian/domain";

/** The facts the visibility rules need about the person asking: their role and their teams. */
export async function loadViewer(db: Executor, organizationId: string, userId: string, role: Role): Promise<Viewer> {
  const rows = await db
    .select({ teamId: teamMembers.teamId, role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.organizationId, organizationId), eq(teamMembers.userId, userId)));
  return {
    role,
    userId,
    teamIds: new Set(rows.map((r) => r.teamId)),
    ledTeamIds: new Set(rows.filter((r) => r.role === "lead").map((r) => r.teamId)),
  };
}

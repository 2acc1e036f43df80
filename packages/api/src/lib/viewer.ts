import type { Role, Viewer } from "@meridian/domain";

/** The facts the visibility rules need about the person asking: their role and their teams. */
export function toViewer(
  role: Role,
  userId: string,
  teams: { member: readonly string[]; led: readonly string[] },
): Viewer {
  return {
    role,
    userId,
    // Leading a team is belonging to it.
    teamIds: new Set([...teams.member, ...teams.led]),
    ledTeamIds: new Set(teams.led),
  };
}

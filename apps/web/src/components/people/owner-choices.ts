import type { Role, TeamMemberRole } from "@meridian/domain";

/**
 * Whom the caller may make an objective's or key result's owner, mirroring the server's write
 * policy without the organization's list of people: "anyone" for admins (the picker searches the
 * whole organization on the server), the people of the teams they lead for managers (searched on
 * the server with `people.list({ teamIds })`), and otherwise themselves alone.
 */
export type OwnerChoices = "anyone" | { teamIds: string[] } | readonly { id: string; name: string }[];

export function ownerChoices(
  role: Role,
  userId: string,
  teams: readonly { id: string; myRole: TeamMemberRole | null }[],
  selfName = "You",
): OwnerChoices {
  if (role === "admin") return "anyone";
  const led = role === "manager" ? teams.filter((t) => t.myRole === "lead").map((t) => t.id) : [];
  return led.length > 0 ? { teamIds: led } : [{ id: userId, name: selfName }];
}

/** Whether there is a choice to offer: a search, or a short list of more than one. */
export function offersChoice(choices: OwnerChoices): boolean {
  return choices === "anyone" || "teamIds" in choices || choices.length > 1;
}

/** The person picker's props for these choices: where it searches, or the short list it offers. */
export function ownerPickerProps(choices: OwnerChoices): {
  teamIds?: readonly string[];
  candidates?: readonly { id: string; name: string }[];
} {
  if (choices === "anyone") return {};
  if ("teamIds" in choices) return { teamIds: choices.teamIds };
  return { candidates: choices };
}

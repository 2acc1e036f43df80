import type { Role } from "@meridian/domain";
import { ownerCandidates } from "~/components/okr/owner-candidates";

interface Team {
  members: { id: string; name: string; role: string }[];
}

/**
 * Whom the caller may make an objective's or key result's owner, without the organization's whole
 * list of people: "anyone" for admins (the picker searches the server), otherwise the short list
 * ownerCandidates allows (managers the people of the teams they lead, members themselves), named
 * from the teams they belong to.
 */
export function ownerChoices(
  role: Role,
  userId: string,
  teams: Team[],
  selfName = "You",
): "anyone" | { id: string; name: string }[] {
  if (role === "admin") return "anyone";
  const named = new Map<string, { id: string; name: string }>();
  for (const member of teams.flatMap((t) => t.members)) named.set(member.id, { id: member.id, name: member.name });
  if (!named.has(userId)) named.set(userId, { id: userId, name: selfName });
  return ownerCandidates(role, userId, [...named.values()], teams);
}

import type { Role } from "@meridian/domain";

interface Person {
  id: string;
  name: string;
}

/**
 * Whom the caller may make an owner, mirroring the server's write policy:
 * admins anyone, managers the people of the teams they lead, members only themselves.
 */
export function ownerCandidates(
  role: Role,
  userId: string,
  people: Person[],
  teams: { members: { id: string; role: string }[] }[],
): Person[] {
  if (role === "admin") return people;
  if (role !== "manager") return people.filter((p) => p.id === userId);
  const led = teams.filter((t) => t.members.some((m) => m.id === userId && m.role === "lead"));
  const ids = new Set([userId, ...led.flatMap((t) => t.members.map((m) => m.id))]);
  return people.filter((p) => ids.has(p.id));
}

import type { DatabaseHandle } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createMember, createOrganizationWithOkr, createTeam, DEMO, seedDemoOrganization } from "../testing";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoOrganization(handle.db);
});

afterAll(async () => {
  await handle?.close();
});

describe("teams.list", () => {
  it("returns the five demo teams as a tree under Executive", async () => {
    const teams = await (await callerFor(handle.db, DEMO.viewer)).teams.list();
    expect(teams.map((t) => t.name)).toEqual(["Customer Success", "Engineering", "Executive", "Marketing", "Sales"]);
    const roots = teams.filter((t) => t.parentId === null);
    expect(roots.map((t) => t.name)).toEqual(["Executive"]);
    const executiveId = roots[0]?.id;
    expect(
      teams
        .filter((t) => t.parentId === executiveId)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["Customer Success", "Engineering", "Marketing", "Sales"]);
  });

  it("lists each team's people, leads first", async () => {
    const teams = await (await callerFor(handle.db, DEMO.member)).teams.list();
    const people = Object.fromEntries(teams.map((t) => [t.name, t.members.map((m) => `${m.role}:${m.name}`)]));
    expect(people).toEqual({
      Executive: ["lead:Priya Nair", "member:Alex Morgan", "member:Victor Hale"],
      Marketing: ["lead:Maya Chen", "member:Sam Rivera"],
      Sales: ["lead:Jordan Blake", "member:Tom Becker"],
      Engineering: ["lead:Lena Fischer", "member:Nina Park", "member:Ravi Patel"],
      "Customer Success": ["lead:Omar Haddad", "member:Lucia Gomez"],
    });
    for (const team of teams) for (const m of team.members) expect(m.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps organizations apart and leaves archived teams out", async () => {
    const other = await createOrganizationWithOkr(handle.db, { name: "Globex" });
    const lead = await createMember(handle.db, other.organization.id, "manager");
    await createTeam(handle.db, other.organization.id, { name: "Disbanded", archivedAt: new Date(), leads: [lead.id] });

    const demoTeams = await (await callerFor(handle.db, DEMO.admin)).teams.list();
    expect(demoTeams).toHaveLength(5);
    expect(demoTeams.map((t) => t.id)).not.toContain(other.team.id);

    const otherTeams = await (await callerFor(handle.db, other.admin.email)).teams.list();
    expect(otherTeams).toEqual([
      {
        id: other.team.id,
        name: other.team.name,
        parentId: null,
        members: [
          { id: other.admin.id, name: other.admin.name, role: "lead" },
          { id: other.member.id, name: other.member.name, role: "member" },
        ],
      },
    ]);
  });
});

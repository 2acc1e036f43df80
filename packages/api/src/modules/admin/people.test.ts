import { and, eq, memberships } from "@meridian/db";
import { describe, expect, it } from "vitest";
import {
  addMembership,
  type Caller,
  callerFor,
  clientErrorOf,
  createMember,
  createOrganization,
  createTeam,
  outcomeOf,
  trpcErrorOf,
  useTestDatabase,
} from "../../../test/support";

const database = useTestDatabase();

async function deactivate(organizationId: string, userId: string) {
  await database.db
    .update(memberships)
    .set({ deactivatedAt: new Date() })
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
}

/** Every page of people.list for `input`, following the cursors. */
async function allPages(caller: Caller, input: { q?: string; limit?: number } = {}) {
  const pages: Awaited<ReturnType<Caller["people"]["list"]>>[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<Caller["people"]["list"]>> = await caller.people.list({ ...input, cursor });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe("people.list", () => {
  it("lists the organization's active people by name, with their role and without emails", async () => {
    const org = await createOrganization(database.db);
    const viewer = await createMember(database.db, org.id, "viewer", { name: "Zoe Viewer" });
    const admin = await createMember(database.db, org.id, "admin", { name: "Ada Admin" });
    const answer = await (await callerFor(database.db, viewer.email)).people.list();
    expect(answer).toEqual({
      people: [
        { id: admin.id, name: "Ada Admin", role: "admin", active: true },
        { id: viewer.id, name: "Zoe Viewer", role: "viewer", active: true },
      ],
      nextCursor: null,
    });
  });

  it("leaves out deactivated people and other organizations' people, with the role each has here", async () => {
    const org = await createOrganization(database.db);
    const other = await createOrganization(database.db);
    const member = await createMember(database.db, org.id, "member", { name: "Mia Member" });
    const gone = await createMember(database.db, org.id, "member", { name: "Gus Gone" });
    await deactivate(org.id, gone.id);
    await createMember(database.db, other.id, "admin", { name: "Oscar Outsider" });
    const shared = await createMember(database.db, other.id, "admin", { name: "Sid Shared" });
    await addMembership(database.db, org.id, shared.id, "viewer");

    const { people } = await (await callerFor(database.db, member.email, org.id)).people.list();
    expect(people).toEqual([
      { id: member.id, name: "Mia Member", role: "member", active: true },
      { id: shared.id, name: "Sid Shared", role: "viewer", active: true },
    ]);
  });

  it("pages by (name, id) with a cursor: everyone once, in order, namesakes included", async () => {
    const org = await createOrganization(database.db);
    const names = ["Kim", "Ada", "Kim", "Bo", "Zed", "Kim", "Eve"];
    const people = [];
    for (const name of names) people.push(await createMember(database.db, org.id, "member", { name }));
    const caller = await callerFor(database.db, people[0]?.email ?? "", org.id);

    const pages = await allPages(caller, { limit: 2 });
    expect(pages.map((p) => p.people.length)).toEqual([2, 2, 2, 1]);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    const seen = pages.flatMap((p) => p.people);
    const expected = people
      .map((p) => ({ id: p.id, name: p.name }))
      .sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
    expect(seen.map((p) => ({ id: p.id, name: p.name }))).toEqual(expected);
    expect(new Set(seen.map((p) => p.id)).size).toBe(names.length);
    // The default page holds them all.
    expect((await caller.people.list()).people).toHaveLength(names.length);
  });

  it("searches the name in SQL, case-insensitively, with %, _ and \\ taken literally", async () => {
    const org = await createOrganization(database.db);
    const ada = await createMember(database.db, org.id, "member", { name: "Ada Lovelace" });
    const percent = await createMember(database.db, org.id, "member", { name: "Ana 100% Sure" });
    await createMember(database.db, org.id, "member", { name: "Ana 1000 Sure" });
    const underscore = await createMember(database.db, org.id, "member", { name: "snake_case Sam" });
    await createMember(database.db, org.id, "member", { name: "snakeXcase Sid" });
    const backslash = await createMember(database.db, org.id, "member", { name: "Back\\slash Bea" });
    const caller = await callerFor(database.db, ada.email, org.id);
    const names = async (q: string) => (await caller.people.list({ q })).people.map((p) => p.id);

    expect(await names("LOVE")).toEqual([ada.id]);
    expect(await names("  lovelace ")).toEqual([ada.id]);
    expect(await names("100%")).toEqual([percent.id]);
    expect(await names("%")).toEqual([percent.id]);
    expect(await names("e_c")).toEqual([underscore.id]);
    expect(await names("k\\s")).toEqual([backslash.id]);
    expect(await names("nobody")).toEqual([]);
    // Search pages too, in the order of one big page (the database's collation decides it).
    const pages = await allPages(caller, { q: "a", limit: 2 });
    const whole = (await caller.people.list({ q: "a" })).people;
    expect(whole).toHaveLength(6);
    expect(pages.flatMap((p) => p.people)).toEqual(whole);
  });

  it("answers exactly the people asked for by id, deactivated ones too, never another organization's", async () => {
    const org = await createOrganization(database.db);
    const other = await createOrganization(database.db);
    const people = [];
    for (let i = 0; i < 5; i++) {
      people.push(await createMember(database.db, org.id, "member", { name: `Person ${i}` }));
    }
    const [p0, p1, p2] = people.map((p) => p.id);
    if (!p0 || !p1 || !p2) throw new Error("people were not created");
    await deactivate(org.id, p2);
    const outsider = await createMember(database.db, other.id, "admin", { name: "Oscar Outsider" });
    const caller = await callerFor(database.db, people[0]?.email ?? "", org.id);

    const { people: found, nextCursor } = await caller.people.list({
      ids: [p2, p0.toUpperCase(), outsider.id, crypto.randomUUID()],
      limit: 1,
    });
    // All of them on one page, whatever the limit.
    expect(found).toEqual([
      { id: p0, name: "Person 0", role: "member", active: true },
      { id: p2, name: "Person 2", role: "member", active: false },
    ]);
    expect(nextCursor).toBeNull();
    expect((await caller.people.list({ ids: [] })).people).toEqual([]);
    expect((await caller.people.list({ ids: [p0, p1], q: "1" })).people.map((p) => p.id)).toEqual([p1]);
  });

  it("never shows another organization's people, whatever the search or the cursor", async () => {
    const org = await createOrganization(database.db);
    const other = await createOrganization(database.db);
    const mine = await createMember(database.db, org.id, "member", { name: "Mina Mine" });
    const theirs = await createMember(database.db, other.id, "admin", { name: "Mina Theirs" });
    const caller = await callerFor(database.db, mine.email, org.id);
    for (const answer of [
      await caller.people.list({ q: "Mina" }),
      await caller.people.list({ q: "Theirs" }),
      await caller.people.list({ ids: [theirs.id] }),
      ...(await allPages(caller, { limit: 1 })),
    ]) {
      expect(JSON.stringify(answer)).not.toContain(theirs.id);
      expect(JSON.stringify(answer)).not.toContain("Theirs");
    }
  });

  it("answers a forged cursor, a huge page or too many ids with a clear 400", async () => {
    const org = await createOrganization(database.db);
    const person = await createMember(database.db, org.id, "member");
    const caller = await callerFor(database.db, person.email, org.id);
    const forged = [
      "not-a-cursor",
      Buffer.from("[1,2]").toString("base64url"),
      Buffer.from(JSON.stringify({ n: "x", i: "nope" })).toString("base64url"),
      Buffer.from(JSON.stringify({ n: 1, i: crypto.randomUUID() })).toString("base64url"),
      "x".repeat(3000),
    ];
    for (const cursor of forged) {
      const error = await trpcErrorOf(() => caller.people.list({ cursor }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(clientErrorOf(error, "people.list").httpStatus).toBe(400);
      expect(error.message).toMatch(/page link is not valid/);
    }
    const huge = await trpcErrorOf(() => caller.people.list({ limit: 1000 }));
    expect(clientErrorOf(huge, "people.list")).toMatchObject({
      httpStatus: 400,
      shape: { data: { fieldErrors: { limit: ["Ask for at most 100 at a time."] } } },
    });
    const ids = Array.from({ length: 101 }, () => crypto.randomUUID());
    expect(await outcomeOf(() => caller.people.list({ ids }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => caller.people.list({ limit: 0 }))).toBe("BAD_REQUEST");
    // A cursor of the right shape that names nobody is simply the end of the list.
    const unknown = Buffer.from(JSON.stringify({ n: "zzzz", i: crypto.randomUUID() })).toString("base64url");
    expect(await caller.people.list({ cursor: unknown })).toEqual({ people: [], nextCursor: null });
  });

  it("filters by teams: their leads and members, once each, paged and searched as ever", async () => {
    const org = await createOrganization(database.db);
    const named = (name: string, role: "manager" | "member" = "member") =>
      createMember(database.db, org.id, role, { name });
    const lead = await named("Lena Lead", "manager");
    const [ann, bea, cal, dan, eve] = await Promise.all(["Ann", "Bea", "Cal", "Dan", "Eve"].map((n) => named(n)));
    if (!ann || !bea || !cal || !dan || !eve) throw new Error("people were not created");
    const one = await createTeam(database.db, org.id, { leads: [lead.id], members: [ann.id, bea.id] });
    // Bea in both teams; Dan only in an archived team; Eve in no team.
    const two = await createTeam(database.db, org.id, { leads: [lead.id], members: [bea.id, cal.id] });
    const gone = await createTeam(database.db, org.id, { members: [dan.id], archivedAt: new Date() });
    const other = await createTeam(database.db, org.id, { members: [eve.id] });
    await deactivate(org.id, cal.id);
    const caller = await callerFor(database.db, lead.email, org.id);
    const names = async (input: Parameters<Caller["people"]["list"]>[0]) =>
      (await caller.people.list(input)).people.map((p) => p.name);

    expect(await names({ teamIds: [one.id, two.id] })).toEqual(["Ann", "Bea", "Lena Lead"]);
    expect(await names({ teamIds: [two.id] })).toEqual(["Bea", "Lena Lead"]);
    expect(await names({ teamIds: [one.id, two.id], q: "ea" })).toEqual(["Bea", "Lena Lead"]);
    expect(await names({ teamIds: [gone.id] })).toEqual([]);
    expect(await names({ teamIds: [] })).toEqual([]);
    expect(await names({ teamIds: [other.id] })).toEqual(["Eve"]);
    // Paged by the same cursor.
    const first = await caller.people.list({ teamIds: [one.id, two.id], limit: 2 });
    expect(first.people.map((p) => p.name)).toEqual(["Ann", "Bea"]);
    const second = await caller.people.list({ teamIds: [one.id, two.id], limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({ people: [expect.objectContaining({ name: "Lena Lead" })], nextCursor: null });
  });

  it("never finds another organization's people through its teams", async () => {
    const ours = await createOrganization(database.db);
    const theirs = await createOrganization(database.db);
    const me = await createMember(database.db, ours.id, "admin");
    const them = await createMember(database.db, theirs.id, "member", { name: "Theirs Person" });
    // Someone in both organizations, on the other one's team only.
    const both = await createMember(database.db, theirs.id, "member", { name: "Both Person" });
    await addMembership(database.db, ours.id, both.id, "member");
    const team = await createTeam(database.db, theirs.id, { members: [them.id, both.id] });
    const caller = await callerFor(database.db, me.email, ours.id);
    expect(await caller.people.list({ teamIds: [team.id] })).toEqual({ people: [], nextCursor: null });
  });

  it("refuses more than 500 teams or a team id that is not one with a 400", async () => {
    const org = await createOrganization(database.db);
    const person = await createMember(database.db, org.id, "member");
    const caller = await callerFor(database.db, person.email, org.id);
    const many = Array.from({ length: 501 }, () => crypto.randomUUID());
    expect(clientErrorOf(await trpcErrorOf(() => caller.people.list({ teamIds: many })), "people.list")).toMatchObject({
      httpStatus: 400,
      shape: { data: { fieldErrors: { teamIds: ["Filter by at most 500 teams at a time."] } } },
    });
    expect(await outcomeOf(() => caller.people.list({ teamIds: ["sales"] }))).toBe("BAD_REQUEST");
  });
});

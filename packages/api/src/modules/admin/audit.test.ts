import { activityLog, and, type DatabaseHandle, eq, sql } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Caller,
  callerFor,
  clientErrorOf,
  createMember,
  createOrganization,
  createOrganizationWithOkr,
  trpcErrorOf,
} from "../../../test/support";

/**
 * One organization (Initech) with two admins whose actions fill the log through
 * the API, plus rows at fixed instants in January 2026 for the date and paging
 * tests; and a second organization (Globex) whose log must never show.
 */
let handle: DatabaseHandle;
let initech: { id: string };
let alice: { id: string; email: string; name: string };
let bob: { id: string; email: string; name: string };
let globex: Awaited<ReturnType<typeof createOrganizationWithOkr>>;
let caller: Caller;

/** Fixed instants (whole milliseconds) for rows written directly, oldest first. */
const JANUARY = [
  "2026-01-10T08:00:00.000Z",
  "2026-01-10T23:59:59.999Z",
  "2026-01-11T00:00:00.000Z",
  "2026-01-11T12:00:00.000Z",
  // Three rows at the same instant: the page order falls back to the id.
  "2026-01-11T12:30:00.000Z",
  "2026-01-11T12:30:00.000Z",
  "2026-01-11T12:30:00.000Z",
  "2026-01-11T23:59:59.999Z",
  "2026-01-12T00:00:00.000Z",
  "2026-01-13T09:15:00.000Z",
];

async function insertAt(organizationId: string, actorId: string | null, at: string, entityType = "kpi") {
  const [row] = await handle.db
    .insert(activityLog)
    .values({
      organizationId,
      actorId,
      entityType,
      entityId: organizationId,
      action: `${entityType}.imported`,
      details: { at },
      createdAt: new Date(at),
    })
    .returning({ id: activityLog.id });
  if (!row) throw new Error("no row");
  return row.id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  initech = await createOrganization(handle.db, { name: "Initech" });
  alice = await createMember(handle.db, initech.id, "admin", { name: "Alice Admin" });
  bob = await createMember(handle.db, initech.id, "admin", { name: "Bob Admin" });
  globex = await createOrganizationWithOkr(handle.db, { name: "Globex" });

  caller = await callerFor(handle.db, alice.email);
  const bobCaller = await callerFor(handle.db, bob.email);
  const company = await caller.teams.create({ name: "Company" });
  await caller.teams.create({ name: "Sales", parentId: company.id });
  await bobCaller.teams.create({ name: "Support", parentId: company.id });
  const settings = await bobCaller.organizations.settings();
  await bobCaller.organizations.updateSettings({ ...settings, fiscalYearStartMonth: 7 });

  for (const [i, at] of JANUARY.entries()) await insertAt(initech.id, i % 2 ? bob.id : alice.id, at);
  // A row without an actor (a system job).
  await insertAt(initech.id, null, "2026-01-09T10:00:00.000Z", "import");

  // Globex: activity through its own admin, on the same days and entity types.
  const gina = await callerFor(handle.db, globex.admin.email);
  await gina.teams.create({ name: "Globex Labs" });
  for (const at of JANUARY) await insertAt(globex.organization.id, globex.admin.id, at);
  await insertAt(globex.organization.id, globex.admin.id, "2026-01-11T06:00:00.000Z", "globex_secret");
});

afterAll(async () => {
  await handle?.close();
});

type Entry = Awaited<ReturnType<Caller["audit"]["list"]>>["entries"][number];

/** Initech's log straight from the table, in the order the page must show it. */
async function expectedRows(where: (row: { actorId: string | null; entityType: string; createdAt: Date }) => boolean) {
  const rows = await handle.db
    .select({
      id: activityLog.id,
      actorId: activityLog.actorId,
      entityType: activityLog.entityType,
      createdAt: activityLog.createdAt,
    })
    .from(activityLog)
    .where(eq(activityLog.organizationId, initech.id));
  return rows
    .filter(where)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((r) => r.id);
}

/** Every page of a query, following nextCursor. */
async function allPages(input: Parameters<Caller["audit"]["list"]>[0] & object) {
  const pages: Entry[][] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await caller.audit.list({ ...input, cursor });
    pages.push(page.entries);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("audit.list", () => {
  it("lists the organization's whole log newest first, with the actor's name", async () => {
    const { entries, nextCursor } = await caller.audit.list({ limit: 200 });
    expect(nextCursor).toBeNull();
    expect(entries.map((e) => e.id)).toEqual(await expectedRows(() => true));
    const company = entries.find((e) => e.action === "team.created" && e.details.name === "Company");
    expect(company).toMatchObject({ actorId: alice.id, actorName: "Alice Admin", entityType: "team" });
    expect(entries.filter((e) => e.action === "team.created").map((e) => e.details.name)).toEqual([
      "Support",
      "Sales",
      "Company",
    ]);
    expect(entries.find((e) => e.entityType === "import")).toMatchObject({ actorId: null, actorName: null });
  });

  it("defaults to pages of 50", async () => {
    for (let i = 0; i < 45; i++)
      await insertAt(initech.id, alice.id, `2025-06-01T00:00:${String(i).padStart(2, "0")}.000Z`, "bulk");
    try {
      const first = await caller.audit.list();
      expect(first.entries).toHaveLength(50);
      expect(first.nextCursor).not.toBeNull();
    } finally {
      await handle.db
        .delete(activityLog)
        .where(and(eq(activityLog.organizationId, initech.id), eq(activityLog.entityType, "bulk")));
    }
  });

  it("filters by actor", async () => {
    const { entries } = await caller.audit.list({ actorId: bob.id, limit: 200 });
    expect(entries.map((e) => e.id)).toEqual(await expectedRows((r) => r.actorId === bob.id));
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["team.created", "organization.settings_updated"]),
    );
    expect(new Set(entries.map((e) => e.actorName))).toEqual(new Set(["Bob Admin"]));
  });

  it("filters by entity type", async () => {
    const { entries } = await caller.audit.list({ entityType: "team", limit: 200 });
    expect(entries.map((e) => e.id)).toEqual(await expectedRows((r) => r.entityType === "team"));
    expect(entries).toHaveLength(3);
    expect((await caller.audit.list({ entityType: "organization" })).entries.map((e) => e.details)).toEqual([
      { name: "Initech", fiscalYearStartMonth: 7, defaultCycleMonths: 3 },
    ]);
    expect((await caller.audit.list({ entityType: "nothing_like_this" })).entries).toEqual([]);
  });

  it("filters by UTC date range, both ends inclusive", async () => {
    const day = (from: string, to: string) => (r: { createdAt: Date }) =>
      r.createdAt >= new Date(`${from}T00:00:00Z`) &&
      r.createdAt < new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);

    const on11th = await caller.audit.list({ from: "2026-01-11", to: "2026-01-11", limit: 200 });
    expect(on11th.entries.map((e) => e.id)).toEqual(await expectedRows(day("2026-01-11", "2026-01-11")));
    expect(on11th.entries.map((e) => e.createdAt.toISOString())).toEqual([
      "2026-01-11T23:59:59.999Z",
      "2026-01-11T12:30:00.000Z",
      "2026-01-11T12:30:00.000Z",
      "2026-01-11T12:30:00.000Z",
      "2026-01-11T12:00:00.000Z",
      "2026-01-11T00:00:00.000Z",
    ]);

    const span = await caller.audit.list({ from: "2026-01-10", to: "2026-01-12", limit: 200 });
    expect(span.entries.map((e) => e.id)).toEqual(await expectedRows(day("2026-01-10", "2026-01-12")));
    expect(span.entries).toHaveLength(9);

    const upTo10th = await caller.audit.list({ to: "2026-01-10", limit: 200 });
    expect(upTo10th.entries.map((e) => e.createdAt.toISOString())).toEqual([
      "2026-01-10T23:59:59.999Z",
      "2026-01-10T08:00:00.000Z",
      "2026-01-09T10:00:00.000Z",
    ]);
    const since13th = await caller.audit.list({ from: "2026-01-13", limit: 200 });
    expect(since13th.entries.map((e) => e.id)).toEqual(
      await expectedRows((r) => r.createdAt >= new Date("2026-01-13T00:00:00Z")),
    );
  });

  it("combines filters", async () => {
    const { entries } = await caller.audit.list({
      actorId: alice.id,
      entityType: "kpi",
      from: "2026-01-11",
      to: "2026-01-11",
    });
    expect(entries.map((e) => e.id)).toEqual(
      await expectedRows(
        (r) =>
          r.actorId === alice.id &&
          r.entityType === "kpi" &&
          r.createdAt >= new Date("2026-01-11T00:00:00Z") &&
          r.createdAt < new Date("2026-01-12T00:00:00Z"),
      ),
    );
    expect(entries.length).toBeGreaterThan(0);
  });

  it.each([
    [{ from: "2026-01-12", to: "2026-01-11" }, { to: ["The end date is before the start date."] }],
    [{ from: "11/01/2026" }, { from: ["Use a date like 2026-01-31."] }],
    [{ actorId: "alice" }, { actorId: ["Must be a valid id."] }],
    [{ entityType: "Team; drop table users" }, { entityType: ["Entity type is lower-case letters and underscores."] }],
  ])("refuses %j with BAD_REQUEST on the field", async (input, fieldErrors) => {
    const error = await trpcErrorOf(() => caller.audit.list(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(clientErrorOf(error, "audit.list").shape.data.fieldErrors).toEqual(fieldErrors);
  });

  it.each([[0], [201], [2.5]])("refuses a page size of %j", async (limit) => {
    expect((await trpcErrorOf(() => caller.audit.list({ limit }))).code).toBe("BAD_REQUEST");
  });
});

describe("audit.list: pages", () => {
  it.each([[1], [2], [3], [4]])("pages of %i are disjoint, in order, and together the whole log", async (limit) => {
    const filter = { from: "2026-01-01", to: "2026-01-31" };
    const pages = await allPages({ ...filter, limit });
    const whole = await caller.audit.list({ ...filter, limit: 200 });
    expect(whole.entries).toHaveLength(JANUARY.length + 1);
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
    const ids = pages.flat().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(whole.entries.map((e) => e.id));
  });

  it("keeps the filters on every page", async () => {
    const pages = await allPages({ actorId: bob.id, limit: 2 });
    const all = pages.flat();
    expect(all.every((e) => e.actorId === bob.id)).toBe(true);
    expect(all.map((e) => e.id)).toEqual(await expectedRows((r) => r.actorId === bob.id));
  });

  it("answers a last page with no next cursor", async () => {
    const { entries, nextCursor } = await caller.audit.list({ from: "2026-01-13", to: "2026-01-13", limit: 1 });
    expect(entries).toHaveLength(1);
    expect(nextCursor).toBeNull();
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  it.each([
    ["garbage", "not base64 json at all!"],
    ["base64 of text", Buffer.from("hello").toString("base64url")],
    ["a missing id", encode({ createdAt: "2026-01-11T00:00:00.000Z" })],
    ["an invalid date", encode({ createdAt: "yesterday", id: "x" })],
    ["a number for the id", encode({ createdAt: "2026-01-11T00:00:00.000Z", id: 7 })],
    ["JSON null", encode(null)],
  ])("refuses a cursor with %s as BAD_REQUEST", async (_label, cursor) => {
    const error = await trpcErrorOf(() => caller.audit.list({ cursor }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("That page position is not valid; start from the first page.");
  });

  it("refuses a cursor longer than 200 characters as BAD_REQUEST", async () => {
    expect((await trpcErrorOf(() => caller.audit.list({ cursor: "a".repeat(201) }))).code).toBe("BAD_REQUEST");
  });

  // The cursor keeps Postgres' microseconds: rows within one millisecond of a page boundary are not skipped.
  it("does not skip rows that share the boundary row's millisecond", async () => {
    const org = await createOrganization(handle.db);
    const admin = await createMember(handle.db, org.id, "admin");
    for (const at of [
      "2026-02-01 10:00:00.123900+00",
      "2026-02-01 10:00:00.123500+00",
      "2026-02-01 10:00:00.123100+00",
    ]) {
      await handle.db.insert(activityLog).values({
        organizationId: org.id,
        actorId: admin.id,
        entityType: "probe",
        entityId: org.id,
        action: "probe",
        createdAt: sql`${at}::timestamptz` as unknown as Date,
      });
    }
    const adminCaller = await callerFor(handle.db, admin.email);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await adminCaller.audit.list({ entityType: "probe", limit: 1, cursor });
      seen.push(...page.entries.map((e) => e.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(3);
  });
});

describe("audit: organizations apart", () => {
  it("never shows another organization's rows, whatever the filter", async () => {
    const globexRows = await handle.db
      .select({ id: activityLog.id })
      .from(activityLog)
      .where(eq(activityLog.organizationId, globex.organization.id));
    expect(globexRows.length).toBeGreaterThan(JANUARY.length);
    const theirs = new Set(globexRows.map((r) => r.id));
    for (const input of [
      { limit: 200 },
      { actorId: globex.admin.id },
      { entityType: "globex_secret" },
      { entityType: "team", limit: 200 },
      { from: "2026-01-11", to: "2026-01-11", limit: 200 },
    ]) {
      const pages = await allPages(input);
      for (const entry of pages.flat()) expect(theirs.has(entry.id)).toBe(false);
    }
    expect((await caller.audit.list({ actorId: globex.admin.id })).entries).toEqual([]);
  });

  it("treats another organization's cursor as a mere position in this organization's log", async () => {
    const gina = await callerFor(handle.db, globex.admin.email);
    const theirPage = await gina.audit.list({ from: "2026-01-01", to: "2026-01-31", limit: 3 });
    if (!theirPage.nextCursor) throw new Error("expected a next page");
    const ours = await caller.audit.list({ from: "2026-01-01", to: "2026-01-31", cursor: theirPage.nextCursor });
    const ourIds = new Set(await expectedRows(() => true));
    for (const entry of ours.entries) expect(ourIds.has(entry.id)).toBe(true);
  });

  it("offers only this organization's entity types, sorted", async () => {
    expect(await caller.audit.entityTypes()).toEqual(["import", "kpi", "organization", "team"]);
    const gina = await callerFor(handle.db, globex.admin.email);
    expect(await gina.audit.entityTypes()).toEqual(["globex_secret", "kpi", "team"]);
  });
});

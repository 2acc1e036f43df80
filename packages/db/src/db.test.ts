import { scrypt } from "node:crypto";
import { promisify } from "node:util";
import { KEY_RESULT_TYPES } from "@meridian/domain";
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/testing";
import type { DatabaseHandle } from "./client";
import { migrate } from "./migrate";
import { checkIns, cycles, keyResults, memberships, objectives, organizations, teams, users } from "./schema";
import { checkInHistory, seedDemoIfEmpty } from "./seed/demo";
import { DEMO_USERS } from "./seed/demo-data";

const scryptAsync = promisify(scrypt);
// The real argon2id hasher lives in @meridian/auth; the seed only needs some one-way hash.
const hashPassword = async (p: string) => `scrypt:${((await scryptAsync(p, "salt", 32)) as Buffer).toString("hex")}`;

const NOW = new Date("2026-11-22T12:00:00Z");
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe("migrations", () => {
  it("are recorded, so running them again applies nothing", async () => {
    expect(await migrate(handle.db)).toBe(0);
  });
});

describe("demo seed", () => {
  it("seeds an empty database once, never twice", async () => {
    expect(await seedDemoIfEmpty(handle.db, { hashPassword, now: NOW })).toBe(true);
    expect(await seedDemoIfEmpty(handle.db, { hashPassword, now: NOW })).toBe(false);
    const [orgs] = await handle.db.select({ n: count() }).from(organizations);
    expect(orgs?.n).toBe(1);
  });

  it("has one account per role among about a dozen users", async () => {
    const rows = await handle.db
      .select({ email: users.email, role: memberships.role })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id));
    expect(rows).toHaveLength(DEMO_USERS.length);
    expect(DEMO_USERS.length).toBeGreaterThanOrEqual(10);
    const roleOf = new Map(rows.map((r) => [r.email, r.role]));
    expect(roleOf.get("admin@example.com")).toBe("admin");
    expect(roleOf.get("manager@example.com")).toBe("manager");
    expect(roleOf.get("member@example.com")).toBe("member");
    expect(roleOf.get("viewer@example.com")).toBe("viewer");
  });

  it("arranges the teams in a tree under Executive", async () => {
    const all = await handle.db.select().from(teams);
    const roots = all.filter((t) => t.parentId === null);
    expect(roots.map((t) => t.name)).toEqual(["Executive"]);
    expect(
      all
        .filter((t) => t.parentId === roots[0]?.id)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["Customer Success", "Engineering", "Marketing", "Sales"]);
  });

  it("opens the current quarter and keeps the previous one closed", async () => {
    const rows = await handle.db.select().from(cycles).orderBy(cycles.startsOn);
    expect(rows.map((c) => [c.name, c.startsOn, c.endsOn, c.status])).toEqual([
      ["Q3 2026", "2026-07-01", "2026-09-30", "closed"],
      ["Q4 2026", "2026-10-01", "2026-12-31", "open"],
    ]);
  });

  it("aligns team and personal objectives under company ones, with key results of every type", async () => {
    const objs = await handle.db.select().from(objectives);
    const byId = new Map(objs.map((o) => [o.id, o]));
    const personal = objs.filter((o) => o.level === "personal" && o.parentId);
    expect(personal.length).toBeGreaterThan(0);
    for (const p of personal) {
      const team = byId.get(p.parentId ?? "");
      expect(team?.level).toBe("team");
      expect(byId.get(team?.parentId ?? "")?.level).toBe("company");
    }
    const types = await handle.db.selectDistinct({ type: keyResults.type }).from(keyResults);
    expect(types.map((t) => t.type).sort()).toEqual([...KEY_RESULT_TYPES].sort());
  });

  it("keeps weeks of check-in history and mirrors the latest value on the key result", async () => {
    const [kr] = await handle.db
      .select()
      .from(keyResults)
      .where(eq(keyResults.title, "Marketing-qualified leads per month"));
    expect(kr).toBeDefined();
    const history = await handle.db
      .select()
      .from(checkIns)
      .where(eq(checkIns.keyResultId, kr?.id ?? ""))
      .orderBy(checkIns.seq);
    expect(history.length).toBeGreaterThanOrEqual(6);
    // Numbered 1, 2, 3… in the order of their dates, the newest mirrored on the key result.
    expect(history.map((c) => c.seq)).toEqual(history.map((_, i) => i + 1));
    const times = history.map((c) => c.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(kr?.currentValue).toBe(history.at(-1)?.value);
    expect(kr?.lastCheckInAt).toEqual(history.at(-1)?.createdAt);
    const noData = await handle.db.select({ n: count() }).from(keyResults).where(isNull(keyResults.currentValue));
    expect(noData[0]?.n).toBeGreaterThan(0);
  });
});

describe("constraints", () => {
  it("rejects a second check-in with the same author and idempotency key", async () => {
    const [existing] = await handle.db.select().from(checkIns).limit(1);
    if (!existing) throw new Error("seed has check-ins");
    const { id: _id, ...copy } = existing;
    // A free seq: only the idempotency key repeats.
    await expect(handle.db.insert(checkIns).values({ ...copy, seq: existing.seq + 1000 })).rejects.toMatchObject({
      cause: { message: expect.stringContaining('unique constraint "check_ins_author_idempotency_key"') },
    });
  });

  it("rejects a second check-in with the same seq on one key result", async () => {
    const [existing] = await handle.db.select().from(checkIns).limit(1);
    if (!existing) throw new Error("seed has check-ins");
    const { id: _id, ...copy } = existing;
    await expect(
      handle.db.insert(checkIns).values({ ...copy, idempotencyKey: crypto.randomUUID() }),
    ).rejects.toMatchObject({
      cause: { message: expect.stringContaining('unique constraint "check_ins_org_kr_seq_key"') },
    });
  });

  it("rejects a confidence outside 0–10 and a cycle that ends before it starts", async () => {
    const [existing] = await handle.db.select().from(checkIns).limit(1);
    if (!existing) throw new Error("seed has check-ins");
    const { id: _id, ...copy } = existing;
    await expect(
      handle.db
        .insert(checkIns)
        .values({ ...copy, confidence: 11, idempotencyKey: crypto.randomUUID(), seq: existing.seq + 1000 }),
    ).rejects.toThrow();
    await expect(
      handle.db.insert(cycles).values({
        organizationId: existing.organizationId,
        name: "Backwards",
        startsOn: "2026-03-01",
        endsOn: "2026-01-01",
      }),
    ).rejects.toThrow();
  });

  it("refuses a key result pointing at an objective that does not exist", async () => {
    const [kr] = await handle.db.select().from(keyResults).limit(1);
    if (!kr) throw new Error("seed has key results");
    const { id: _id, ...copy } = kr;
    await expect(handle.db.insert(keyResults).values({ ...copy, objectiveId: crypto.randomUUID() })).rejects.toThrow();
    const [after] = await handle.db
      .select({ n: count() })
      .from(keyResults)
      .where(and(eq(keyResults.title, kr.title)));
    expect(after?.n).toBe(1);
  });
});

describe("check-in history generator", () => {
  it("writes nothing for a key result nobody has checked in on, and stops at 'now'", () => {
    const start = new Date("2026-10-01T00:00:00Z");
    const end = new Date("2027-01-01T00:00:00Z");
    const kr = { title: "x", type: "increase_to" as const, start: 0, target: 10, owner: "a", pace: 1 };
    expect(checkInHistory({ ...kr, pace: null }, start, end, NOW)).toEqual([]);
    const history = checkInHistory(kr, start, end, NOW);
    expect(history.length).toBe(7);
    expect(history.every((h) => h.at <= NOW)).toBe(true);
  });
});

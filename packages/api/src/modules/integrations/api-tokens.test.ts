import { activityLog, and, apiTokens, type DatabaseHandle, eq } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createMember, createOrganization, outcomeOf, trpcErrorOf } from "../../../test/support";
import { hashApiToken } from "./api-token";

let handle: DatabaseHandle;
let orgId: string;
const people = {} as Record<"admin" | "manager" | "member" | "viewer", { id: string; email: string; name: string }>;

const as = (who: keyof typeof people) => callerFor(handle.db, people[who].email);

beforeAll(async () => {
  handle = await createTestDatabase();
  orgId = (await createOrganization(handle.db)).id;
  for (const role of ["admin", "manager", "member", "viewer"] as const) {
    people[role] = await createMember(handle.db, orgId, role);
  }
});

afterAll(async () => {
  await handle?.close();
});

describe("apiTokens", () => {
  it("creates a token whose secret is shown once and stored only as its SHA-256", async () => {
    const admin = await as("admin");
    const created = await admin.apiTokens.create({
      name: "  Data warehouse  ",
      scopes: ["kpis:write", "marketing:write"],
    });
    expect(created.name).toBe("Data warehouse");
    expect(created.token).toMatch(/^mrd_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(4, 12));

    const [row] = await handle.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row).toMatchObject({
      organizationId: orgId,
      name: "Data warehouse",
      prefix: created.prefix,
      tokenHash: hashApiToken(created.token),
      createdById: people.admin.id,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token);

    // Two tokens never share a secret.
    const second = await admin.apiTokens.create({ name: "Data warehouse", scopes: ["kpis:write", "marketing:write"] });
    expect(second.token).not.toBe(created.token);

    const [activity] = await handle.db
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.entityId, created.id), eq(activityLog.action, "api_token.created")));
    expect(activity).toMatchObject({
      actorId: people.admin.id,
      entityType: "api_token",
      details: { name: "Data warehouse", prefix: created.prefix },
    });
    expect(JSON.stringify(activity)).not.toContain(created.token);
    expect(JSON.stringify(activity)).not.toContain(hashApiToken(created.token));
  });

  it("lists tokens with who made them and when, never the secret or its hash", async () => {
    const admin = await as("admin");
    const created = await admin.apiTokens.create({ name: "CRM sync", scopes: ["kpis:write", "marketing:write"] });
    const list = await admin.apiTokens.list();
    const entry = list.find((t) => t.id === created.id);
    expect(entry).toEqual({
      id: created.id,
      name: "CRM sync",
      prefix: created.prefix,
      createdAt: expect.any(Date),
      createdByName: people.admin.name,
      lastUsedAt: null,
      revokedAt: null,
      scopes: ["kpis:write", "marketing:write"],
      expiresAt: null,
    });
    const text = JSON.stringify(list);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(hashApiToken(created.token));
    expect(list.every((t) => !("tokenHash" in t) && !("token" in t))).toBe(true);
  });

  it("revokes a token once; a repeat changes nothing; live tokens list first", async () => {
    const admin = await as("admin");
    const created = await admin.apiTokens.create({ name: "Old exporter", scopes: ["kpis:write", "marketing:write"] });
    const first = await admin.apiTokens.revoke({ tokenId: created.id });
    expect(first.revokedAt).toBeInstanceOf(Date);
    const again = await admin.apiTokens.revoke({ tokenId: created.id });
    expect(again.revokedAt).toEqual(first.revokedAt);
    const revocations = await handle.db
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.entityId, created.id), eq(activityLog.action, "api_token.revoked")));
    expect(revocations).toHaveLength(1);

    const list = await admin.apiTokens.list();
    expect(list.find((t) => t.id === created.id)?.revokedAt).toEqual(first.revokedAt);
    const firstRevoked = list.findIndex((t) => t.revokedAt !== null);
    expect(list.slice(firstRevoked).every((t) => t.revokedAt !== null)).toBe(true);
  });

  it("does not find another organization's token", async () => {
    const other = await createOrganization(handle.db);
    const otherAdmin = await createMember(handle.db, other.id, "admin");
    const foreign = await (await callerFor(handle.db, otherAdmin.email)).apiTokens.create({
      name: "Theirs",
      scopes: ["kpis:write", "marketing:write"],
    });
    const error = await trpcErrorOf(async () => (await as("admin")).apiTokens.revoke({ tokenId: foreign.id }));
    expect(error.code).toBe("NOT_FOUND");
    const [row] = await handle.db.select().from(apiTokens).where(eq(apiTokens.id, foreign.id));
    expect(row?.revokedAt).toBeNull();
    expect((await (await as("admin")).apiTokens.list()).map((t) => t.id)).not.toContain(foreign.id);
  });

  it("is for admins only", async () => {
    const admin = await as("admin");
    const token = await admin.apiTokens.create({ name: "Target", scopes: ["kpis:write", "marketing:write"] });
    for (const who of ["manager", "member", "viewer"] as const) {
      const caller = await as(who);
      expect(await outcomeOf(() => caller.apiTokens.list())).toBe("FORBIDDEN");
      expect(
        await outcomeOf(() => caller.apiTokens.create({ name: "Mine", scopes: ["kpis:write", "marketing:write"] })),
      ).toBe("FORBIDDEN");
      expect(await outcomeOf(() => caller.apiTokens.revoke({ tokenId: token.id }))).toBe("FORBIDDEN");
    }
  });

  it("refuses a blank, overlong or NUL-bearing name", async () => {
    const admin = await as("admin");
    for (const name of ["   ", "x".repeat(81), "bad\u0000name"]) {
      expect(
        (await trpcErrorOf(() => admin.apiTokens.create({ name, scopes: ["kpis:write", "marketing:write"] }))).code,
      ).toBe("BAD_REQUEST");
    }
    expect(
      await outcomeOf(() =>
        admin.apiTokens.create({ name: "x".repeat(80), scopes: ["kpis:write", "marketing:write"] }),
      ),
    ).toBe("allow");
  });

  it("stores and lists each token's scopes and expiry; the expiry is the midnight after its last day (UTC)", async () => {
    const admin = await as("admin");
    const lastDay = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const created = await admin.apiTokens.create({
      name: "BI reader",
      scopes: ["reports:read", "okrs:read"],
      expiresOn: lastDay,
    });
    const midnightAfter = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000);
    expect(created).toMatchObject({ scopes: ["reports:read", "okrs:read"], expiresAt: midnightAfter });
    const entry = (await admin.apiTokens.list()).find((t) => t.id === created.id);
    expect(entry).toMatchObject({ scopes: ["reports:read", "okrs:read"], expiresAt: midnightAfter, revokedAt: null });
    // Today is the earliest last day: the token works until tonight's midnight.
    const today = new Date().toISOString().slice(0, 10);
    expect(
      await outcomeOf(() => admin.apiTokens.create({ name: "Today", scopes: ["okrs:read"], expiresOn: today })),
    ).toBe("allow");
  });

  it("refuses an expiry in the past and unknown, repeated or missing scopes, writing nothing", async () => {
    const admin = await as("admin");
    const count = async () => (await handle.db.select({ id: apiTokens.id }).from(apiTokens)).length;
    const activity = async () => (await handle.db.select({ id: activityLog.id }).from(activityLog)).length;
    const before = { tokens: await count(), activity: await activity() };
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const past = await trpcErrorOf(() =>
      admin.apiTokens.create({ name: "Old", scopes: ["okrs:read"], expiresOn: yesterday }),
    );
    expect(past.code).toBe("BAD_REQUEST");
    expect(past.message).toContain("Choose an expiry date from today on");
    for (const scopes of [[], ["okrs:write"], ["okrs:read", "okrs:read"], ["*"], "okrs:read"]) {
      const error = await trpcErrorOf(() => admin.apiTokens.create({ name: "Bad scopes", scopes: scopes as never }));
      expect(error.code, JSON.stringify(scopes)).toBe("BAD_REQUEST");
    }
    expect((await trpcErrorOf(() => admin.apiTokens.create({ name: "None" } as never))).code).toBe("BAD_REQUEST");
    expect(
      (
        await trpcErrorOf(() =>
          admin.apiTokens.create({ name: "Bad day", scopes: ["okrs:read"], expiresOn: "2026-02-30" }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
    expect({ tokens: await count(), activity: await activity() }).toEqual(before);
  });
});

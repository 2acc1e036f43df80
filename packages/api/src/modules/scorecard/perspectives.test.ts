import { eq, memberships, perspectives } from "@meridian/db";
import { DEFAULT_PERSPECTIVES } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import {
  activityOf,
  callerFor,
  createMember,
  createOrganization,
  createStrategicObjective,
  createStrategyOrganization,
  expectRejectedUntouched,
  trpcErrorOf,
  useStrategyDatabase,
  writeFingerprint,
} from "../../../test/support";
import { ensureDefaultPerspectives } from "./default-perspectives";

const live = useStrategyDatabase();

/** A fresh organization, so order-changing tests do not disturb each live.other. */
async function freshOrganization() {
  return createStrategyOrganization(live.db);
}

describe("default perspectives", () => {
  it("every strategy organization starts with Financial, Customer, Internal Process and Learning & Growth, in that order", async () => {
    const list = await (await live.org.as("viewer")).perspectives.list();
    expect(list.map((p) => p.name)).toEqual(["Financial", "Customer", "Internal Process", "Learning & Growth"]);
    expect(list.map((p) => p.position)).toEqual([0, 1, 2, 3]);
    expect(list.every((p) => p.weight === 1 && p.version === 1 && p.objectiveCount === 0)).toBe(true);
  });

  it("ensureDefaultPerspectives inserts the four once, and leaves an organization that has its own alone", async () => {
    const bare = await createOrganization(live.db);
    expect(await ensureDefaultPerspectives(live.db, bare.id)).toBe(DEFAULT_PERSPECTIVES.length);
    expect(await ensureDefaultPerspectives(live.db, bare.id)).toBe(0);
    const rows = await live.db.select().from(perspectives).where(eq(perspectives.organizationId, bare.id));
    expect(rows).toHaveLength(4);

    const custom = await createOrganization(live.db);
    await live.db.insert(perspectives).values({ organizationId: custom.id, name: "Impact", position: 0 });
    expect(await ensureDefaultPerspectives(live.db, custom.id)).toBe(0);
    const customRows = await live.db.select().from(perspectives).where(eq(perspectives.organizationId, custom.id));
    expect(customRows.map((p) => p.name)).toEqual(["Impact"]);
  });

  it("perspectives.addDefaults gives an organization without any the four at once, records it, and then adds nothing", async () => {
    const bare = await createOrganization(live.db);
    const admin = await createMember(live.db, bare.id, "admin");
    const caller = await callerFor(live.db, admin.email, bare.id);
    expect(await caller.perspectives.addDefaults()).toEqual({ added: DEFAULT_PERSPECTIVES.length });
    expect((await caller.perspectives.list()).map((p) => p.name)).toEqual(DEFAULT_PERSPECTIVES.map((p) => p.name));
    const before = await writeFingerprint(live.db);
    expect(await caller.perspectives.addDefaults()).toEqual({ added: 0 });
    expect(await writeFingerprint(live.db)).toEqual(before);
    const manager = await createMember(live.db, bare.id, "manager");
    const refused = await trpcErrorOf(async () =>
      (await callerFor(live.db, manager.email, bare.id)).perspectives.addDefaults(),
    );
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("reading never creates perspectives: an organization without any lists none", async () => {
    const bare = await createOrganization(live.db);
    const admin = await createMember(live.db, bare.id, "admin");
    const caller = await callerFor(live.db, admin.email, bare.id);
    expect(await caller.perspectives.list()).toEqual([]);
    expect(await live.db.select().from(perspectives).where(eq(perspectives.organizationId, bare.id))).toEqual([]);
  });
});

describe("perspectives.list", () => {
  it("is readable by every role and counts the strategic objectives of each perspective, only its own organization's", async () => {
    const o = await freshOrganization();
    const [financial, customer] = o.perspectives;
    if (!financial || !customer) throw new Error("defaults missing");
    await createStrategicObjective(live.db, o, { perspectiveId: financial.id });
    await createStrategicObjective(live.db, o, { perspectiveId: financial.id });
    await createStrategicObjective(live.db, o, { perspectiveId: customer.id });
    for (const role of ["admin", "manager", "member", "viewer"] as const) {
      const list = await (await o.as(role)).perspectives.list();
      expect(list.map((p) => p.objectiveCount)).toEqual([2, 1, 0, 0]);
      expect(list.every((p) => !live.other.perspectives.some((x) => x.id === p.id))).toBe(true);
    }
  });
});

describe("perspectives.create", () => {
  it("appends the perspective as the last band, weight 1 by default, and records the activity", async () => {
    const o = await freshOrganization();
    const admin = await o.as("admin");
    const created = await admin.perspectives.create({ name: "  Sustainability  " });
    expect(created).toMatchObject({ name: "Sustainability", position: 4, weight: 1, version: 1 });
    const weighted = await admin.perspectives.create({ name: "Community", weight: 0.5 });
    expect(weighted).toMatchObject({ position: 5, weight: 0.5 });
    expect((await admin.perspectives.list()).map((p) => p.name).slice(-2)).toEqual(["Sustainability", "Community"]);
    expect(await activityOf(live.db, "perspective", created.id)).toEqual([
      { action: "perspective.created", actorId: o.admin.id, details: { name: "Sustainability", weight: 1 } },
    ]);
  });

  it("starts at position 0 in an organization without perspectives", async () => {
    const bare = await createOrganization(live.db);
    const admin = await createMember(live.db, bare.id, "admin");
    const caller = await callerFor(live.db, admin.email, bare.id);
    expect(await caller.perspectives.create({ name: "Financial" })).toMatchObject({ position: 0 });
  });

  it.each([
    ["a blank name", { name: "   " }, /Name the perspective/],
    ["an overlong name", { name: "x".repeat(61) }, /under 60/],
    ["a NUL character", { name: "Fin\u0000ance" }, /NUL/],
    ["a negative weight", { name: "Ok", weight: -1 }, /negative/],
    ["a huge weight", { name: "Ok", weight: 1e300 }, /at most 100/],
  ])("refuses %s with a clear 400 and writes nothing", async (_, input, message) => {
    const admin = await live.org.as("admin");
    const error = await expectRejectedUntouched(live.db, "BAD_REQUEST", () => admin.perspectives.create(input));
    expect(error.message).toMatch(message);
  });
});

describe("perspectives.update", () => {
  it("renames and reweights with the version read, bumping it and recording the activity", async () => {
    const o = await freshOrganization();
    const [first] = o.perspectives;
    if (!first) throw new Error("defaults missing");
    const admin = await o.as("admin");
    const updated = await admin.perspectives.update({
      perspectiveId: first.id,
      version: 1,
      name: "Finance",
      weight: 2,
    });
    expect(updated).toMatchObject({ id: first.id, name: "Finance", weight: 2, version: 2, position: 0 });
    expect(await activityOf(live.db, "perspective", first.id)).toEqual([
      {
        action: "perspective.updated",
        actorId: o.admin.id,
        details: { changes: { name: "Finance", weight: 2 } },
      },
    ]);
  });

  it("refuses a stale version with CONFLICT carrying the current values, and writes nothing", async () => {
    const o = await freshOrganization();
    const [first] = o.perspectives;
    if (!first) throw new Error("defaults missing");
    const admin = await o.as("admin");
    await admin.perspectives.update({ perspectiveId: first.id, version: 1, name: "Money" });
    const error = await expectRejectedUntouched(live.db, "CONFLICT", () =>
      admin.perspectives.update({ perspectiveId: first.id, version: 1, name: "Finance" }),
    );
    expect((error.cause as { current?: unknown }).current).toMatchObject({ name: "Money", version: 2 });
  });

  it("answers NOT_FOUND for another organization's perspective and an unknown id", async () => {
    const admin = await live.org.as("admin");
    const foreign = live.other.perspectives[0];
    if (!foreign) throw new Error("defaults missing");
    await expectRejectedUntouched(live.db, "NOT_FOUND", () =>
      admin.perspectives.update({ perspectiveId: foreign.id, version: 1, name: "Taken over" }),
    );
    await expectRejectedUntouched(live.db, "NOT_FOUND", () =>
      admin.perspectives.update({ perspectiveId: "00000000-0000-4000-8000-000000000000", version: 1, name: "Ghost" }),
    );
  });

  it("refuses bad input with a 400", async () => {
    const admin = await live.org.as("admin");
    const id = live.org.perspectives[0]?.id ?? "";
    await expectRejectedUntouched(live.db, "BAD_REQUEST", () =>
      admin.perspectives.update({ perspectiveId: id, version: 1, weight: -0.1 }),
    );
    await expectRejectedUntouched(live.db, "BAD_REQUEST", () =>
      admin.perspectives.update({ perspectiveId: id, version: 0, name: "Zero" }),
    );
    await expectRejectedUntouched(live.db, "BAD_REQUEST", () =>
      admin.perspectives.update({ perspectiveId: "not-an-id", version: 1, name: "Bad" }),
    );
  });
});

describe("perspectives.reorder", () => {
  it("puts the perspectives in the given order, bumping only the ones that moved, with one activity record", async () => {
    const o = await freshOrganization();
    const [fin, cus, pro, lea] = o.perspectives.map((p) => p.id) as [string, string, string, string];
    const admin = await o.as("admin");
    const list = await admin.perspectives.reorder({ perspectiveIds: [fin, pro, cus, lea] });
    expect(list.map((p) => [p.name, p.position, p.version])).toEqual([
      ["Financial", 0, 1],
      ["Internal Process", 1, 2],
      ["Customer", 2, 2],
      ["Learning & Growth", 3, 1],
    ]);
    expect(await activityOf(live.db, "organization", o.organization.id)).toEqual([
      { action: "perspective.reordered", actorId: o.admin.id, details: { order: [fin, pro, cus, lea] } },
    ]);
  });

  it("is idempotent: the same order again changes and records nothing", async () => {
    const o = await freshOrganization();
    const ids = o.perspectives.map((p) => p.id).reverse();
    const admin = await o.as("admin");
    await admin.perspectives.reorder({ perspectiveIds: ids });
    const before = await writeFingerprint(live.db);
    const again = await admin.perspectives.reorder({ perspectiveIds: ids });
    expect(again.map((p) => p.id)).toEqual(ids);
    expect(await writeFingerprint(live.db)).toEqual(before);
  });

  it("refuses a list that is not exactly the organization's perspectives, with a 400 and no writes", async () => {
    const ids = live.org.perspectives.map((p) => p.id);
    const foreign = live.other.perspectives[0]?.id ?? "";
    const admin = await live.org.as("admin");
    const cases: [string[], RegExp][] = [
      [ids.slice(1), /every perspective/],
      [[...ids, ids[0] ?? ""], /once/],
      [[...ids.slice(1), foreign], /does not have/],
      [[...ids, foreign], /does not have/],
    ];
    for (const [perspectiveIds, message] of cases) {
      const error = await expectRejectedUntouched(live.db, "BAD_REQUEST", () =>
        admin.perspectives.reorder({ perspectiveIds }),
      );
      expect(error.message).toMatch(message);
    }
    await expectRejectedUntouched(live.db, "BAD_REQUEST", () => admin.perspectives.reorder({ perspectiveIds: [] }));
  });
});

describe("perspectives.remove", () => {
  it("removes an empty perspective and records it; the rest keep their order", async () => {
    const o = await freshOrganization();
    const customer = o.perspectives[1];
    if (!customer) throw new Error("defaults missing");
    const admin = await o.as("admin");
    expect(await admin.perspectives.remove({ perspectiveId: customer.id, version: 1 })).toEqual({ id: customer.id });
    expect((await admin.perspectives.list()).map((p) => p.name)).toEqual([
      "Financial",
      "Internal Process",
      "Learning & Growth",
    ]);
    expect(await activityOf(live.db, "perspective", customer.id)).toEqual([
      { action: "perspective.removed", actorId: o.admin.id, details: { name: "Customer" } },
    ]);
  });

  it("refuses while the perspective still holds strategic objectives, saying why", async () => {
    const o = await freshOrganization();
    const financial = o.perspectives[0];
    if (!financial) throw new Error("defaults missing");
    await createStrategicObjective(live.db, o, { perspectiveId: financial.id });
    await createStrategicObjective(live.db, o, { perspectiveId: financial.id });
    const admin = await o.as("admin");
    const error = await expectRejectedUntouched(live.db, "PRECONDITION_FAILED", () =>
      admin.perspectives.remove({ perspectiveId: financial.id, version: 1 }),
    );
    expect(error.message).toBe(
      '"Financial" still holds 2 strategic objectives. Move them to another perspective or remove them first.',
    );
  });

  it("refuses a stale version with CONFLICT, and another organization's perspective with NOT_FOUND", async () => {
    const o = await freshOrganization();
    const last = o.perspectives[3];
    if (!last) throw new Error("defaults missing");
    const admin = await o.as("admin");
    await admin.perspectives.update({ perspectiveId: last.id, version: 1, weight: 3 });
    await expectRejectedUntouched(live.db, "CONFLICT", () =>
      admin.perspectives.remove({ perspectiveId: last.id, version: 1 }),
    );
    const foreign = live.other.perspectives[3];
    if (!foreign) throw new Error("defaults missing");
    await expectRejectedUntouched(live.db, "NOT_FOUND", () =>
      admin.perspectives.remove({ perspectiveId: foreign.id, version: 1 }),
    );
  });
});

describe("perspectives: roles", () => {
  it.each(["manager", "member", "viewer"] as const)(
    "a %s may read the perspectives but not create, update, reorder or remove them",
    async (role) => {
      const caller = await live.org.as(role);
      expect(await caller.perspectives.list()).toHaveLength(live.org.perspectives.length);
      const first = live.org.perspectives[0];
      if (!first) throw new Error("defaults missing");
      const calls = [
        () => caller.perspectives.create({ name: "Shadow" }),
        () => caller.perspectives.update({ perspectiveId: first.id, version: first.version, name: "Shadow" }),
        () => caller.perspectives.reorder({ perspectiveIds: live.org.perspectives.map((p) => p.id).reverse() }),
        () => caller.perspectives.remove({ perspectiveId: first.id, version: first.version }),
      ];
      for (const call of calls) {
        const error = await expectRejectedUntouched(live.db, "FORBIDDEN", call);
        expect(error.message).toBe("Your role does not allow this.");
      }
    },
  );

  it("a deactivated admin can do nothing", async () => {
    const o = await freshOrganization();
    const admin = await o.as("admin");
    await live.db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.userId, o.admin.id));
    await expectRejectedUntouched(live.db, "FORBIDDEN", () => admin.perspectives.create({ name: "Ghost" }));
  });
});

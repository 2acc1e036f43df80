import {
  activityLog,
  and,
  eq,
  kpiActuals,
  kpis,
  kpiTargets,
  memberships,
  perspectives,
  strategicObjectives,
} from "@meridian/db";
import { periodsWithin, quarterAt, quarterContaining, type TKpiCreateInput } from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  activityCountOf,
  callerFor,
  clientErrorOf,
  createMember,
  createOrganization,
  outcomeOf,
  trpcErrorOf,
  useTestDatabase,
} from "../../../test/support";

const database = useTestDatabase();

type Person = { id: string; email: string };
interface Org {
  id: string;
  admin: Person;
  manager: Person;
  otherManager: Person;
  member: Person;
  viewer: Person;
  objectiveId: string;
}

const today = new Date().toISOString().slice(0, 10);
const quarter = quarterContaining(today);
const previousQuarter = quarterAt(today, -1);

async function createOrg(): Promise<Org> {
  const org = await createOrganization(database.db);
  const [perspective] = await database.db
    .insert(perspectives)
    .values({ organizationId: org.id, name: "Customer" })
    .returning({ id: perspectives.id });
  const admin = await createMember(database.db, org.id, "admin");
  const [objective] = await database.db
    .insert(strategicObjectives)
    .values({
      organizationId: org.id,
      perspectiveId: perspective?.id ?? "",
      name: "Delight customers",
      ownerId: admin.id,
    })
    .returning({ id: strategicObjectives.id });
  return {
    id: org.id,
    admin,
    manager: await createMember(database.db, org.id, "manager"),
    otherManager: await createMember(database.db, org.id, "manager"),
    member: await createMember(database.db, org.id, "member"),
    viewer: await createMember(database.db, org.id, "viewer"),
    objectiveId: objective?.id ?? "",
  };
}

let sequence = 0;
const kpiInput = (ownerId: string, overrides: Partial<TKpiCreateInput> = {}): TKpiCreateInput => ({
  name: `KPI ${++sequence}`,
  description: "",
  unit: "",
  direction: "higher_is_better",
  frequency: "monthly",
  aggregation: "sum",
  goal: 100,
  redFlag: 80,
  ownerId,
  strategicObjectiveId: null,
  ...overrides,
});

const as = (person: Person, org: Org) => callerFor(database.db, person.email, org.id);

async function activityFor(kpiId: string) {
  return database.db.select().from(activityLog).where(eq(activityLog.entityId, kpiId));
}

async function addActuals(organizationId: string, kpiId: string, values: Record<string, number>) {
  await database.db
    .insert(kpiActuals)
    .values(Object.entries(values).map(([periodStart, value]) => ({ organizationId, kpiId, periodStart, value })));
}

/** The months of the current quarter that have started, plus the previous quarter's: data that is "in the past". */
const pastMonths = () =>
  [...periodsWithin(previousQuarter, "monthly"), ...periodsWithin(quarter, "monthly")]
    .map((p) => p.start)
    .filter((start) => start <= today);

let org: Org;
let otherOrg: Org;

beforeAll(async () => {
  org = await createOrg();
  otherOrg = await createOrg();
});

describe("kpis.create", () => {
  it("lets an admin create a KPI for any active member, and records it", async () => {
    const admin = await as(org.admin, org);
    const input = kpiInput(org.member.id, { name: "Net revenue", unit: "EUR", strategicObjectiveId: org.objectiveId });
    const created = await admin.kpis.create(input);
    expect(created).toMatchObject({ name: "Net revenue", version: 1 });
    const [row] = await database.db.select().from(kpis).where(eq(kpis.id, created.id));
    expect(row).toMatchObject({
      organizationId: org.id,
      ownerId: org.member.id,
      strategicObjectiveId: org.objectiveId,
      kind: "manual",
      weight: 1,
      inputAId: null,
    });
    const activity = await activityFor(created.id);
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ action: "kpi.created", actorId: org.admin.id, entityType: "kpi" });
  });

  it("lets a manager create only KPIs they own", async () => {
    const manager = await as(org.manager, org);
    await expect(manager.kpis.create(kpiInput(org.manager.id))).resolves.toMatchObject({ version: 1 });
    const before = await activityCountOf(database.db, org.id);
    const error = await trpcErrorOf(() => manager.kpis.create(kpiInput(org.otherManager.id)));
    expect(error.code).toBe("FORBIDDEN");
    expect(await activityCountOf(database.db, org.id)).toBe(before);
  });

  it("refuses members and viewers", async () => {
    for (const person of [org.member, org.viewer]) {
      const caller = await as(person, org);
      expect(await outcomeOf(() => caller.kpis.create(kpiInput(person.id)))).toBe("FORBIDDEN");
    }
  });

  it("wants an active member of the organization as the owner", async () => {
    const admin = await as(org.admin, org);
    const outsider = await trpcErrorOf(() => admin.kpis.create(kpiInput(otherOrg.member.id)));
    expect(outsider.code).toBe("BAD_REQUEST");
    expect(outsider.message).toMatch(/active member/);

    const leaver = await createMember(database.db, org.id, "member");
    await database.db
      .update(memberships)
      .set({ deactivatedAt: new Date() })
      .where(and(eq(memberships.userId, leaver.id), eq(memberships.organizationId, org.id)));
    expect(await outcomeOf(() => admin.kpis.create(kpiInput(leaver.id)))).toBe("BAD_REQUEST");
  });

  it("refuses bad numbers, equal goal and red flag, and targets pointing the wrong way, with 400s", async () => {
    const admin = await as(org.admin, org);
    const before = await activityCountOf(database.db, org.id);
    const bad: Partial<TKpiCreateInput>[] = [
      { goal: Number.NaN },
      { goal: Number.POSITIVE_INFINITY },
      { redFlag: 1e300 },
      { goal: 80, redFlag: 80 },
      { goal: 80, redFlag: 100 },
      { direction: "lower_is_better", goal: 100, redFlag: 80 },
      { weight: -1 },
      { name: "" },
      { name: "x".repeat(121) },
      { name: "nul\u0000name" },
      { unit: "u".repeat(21) },
    ];
    for (const overrides of bad) {
      const error = await trpcErrorOf(() => admin.kpis.create(kpiInput(org.admin.id, overrides)));
      expect(error.code, JSON.stringify(overrides)).toBe("BAD_REQUEST");
      expect(clientErrorOf(error, "kpis.create").httpStatus).toBe(400);
    }
    const wrongWay = await trpcErrorOf(() => admin.kpis.create(kpiInput(org.admin.id, { goal: 80, redFlag: 100 })));
    expect(wrongWay.message).toMatch(/goal must be above the red flag/);
    expect(await activityCountOf(database.db, org.id)).toBe(before);
  });

  it("accepts a lower-is-better KPI with its goal below the red flag", async () => {
    const admin = await as(org.admin, org);
    const created = await admin.kpis.create(
      kpiInput(org.admin.id, { direction: "lower_is_better", goal: 2, redFlag: 5, aggregation: "average" }),
    );
    expect(created.version).toBe(1);
  });

  it("answers a duplicate name with a clear CONFLICT", async () => {
    const admin = await as(org.admin, org);
    await admin.kpis.create(kpiInput(org.admin.id, { name: "Churn" }));
    const error = await trpcErrorOf(() => admin.kpis.create(kpiInput(org.admin.id, { name: "Churn" })));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe('A KPI named "Churn" already exists. Choose another name.');
    // Imports and pushes find KPIs by name whatever the case, so "CHURN" would be ambiguous.
    const other = await trpcErrorOf(() => admin.kpis.create(kpiInput(org.admin.id, { name: "CHURN" })));
    expect(other.code).toBe("CONFLICT");
    // Names are per organization.
    const elsewhere = await as(otherOrg.admin, otherOrg);
    await expect(elsewhere.kpis.create(kpiInput(otherOrg.admin.id, { name: "Churn" }))).resolves.toBeTruthy();
  });

  it("does not see another organization's strategic objective", async () => {
    const admin = await as(org.admin, org);
    const error = await trpcErrorOf(() =>
      admin.kpis.create(kpiInput(org.admin.id, { strategicObjectiveId: otherOrg.objectiveId })),
    );
    expect(error.code).toBe("NOT_FOUND");
  });

  describe("computed KPIs", () => {
    it("need two distinct live entered KPIs of the organization as inputs", async () => {
      const admin = await as(org.admin, org);
      const a = await admin.kpis.create(kpiInput(org.admin.id));
      const b = await admin.kpis.create(kpiInput(org.admin.id));
      const ratio = await admin.kpis.create(
        kpiInput(org.admin.id, { kind: "ratio", inputAId: a.id, inputBId: b.id, goal: 0.05, redFlag: 0.02 }),
      );
      const [row] = await database.db.select().from(kpis).where(eq(kpis.id, ratio.id));
      expect(row).toMatchObject({ kind: "ratio", inputAId: a.id, inputBId: b.id });

      const cases: [Partial<TKpiCreateInput>, string][] = [
        [{ kind: "ratio" }, "BAD_REQUEST"],
        [{ kind: "roi", inputAId: a.id }, "BAD_REQUEST"],
        [{ kind: "ratio", inputAId: a.id, inputBId: a.id }, "BAD_REQUEST"],
        [{ kind: "manual", inputAId: a.id, inputBId: b.id }, "BAD_REQUEST"],
        // A computed KPI is no input.
        [{ kind: "roi", inputAId: ratio.id, inputBId: b.id }, "BAD_REQUEST"],
      ];
      for (const [overrides, code] of cases) {
        expect(
          await outcomeOf(() => admin.kpis.create(kpiInput(org.admin.id, overrides))),
          JSON.stringify(overrides),
        ).toBe(code);
      }
      const computedInput = await trpcErrorOf(() =>
        admin.kpis.create(kpiInput(org.admin.id, { kind: "roi", inputAId: ratio.id, inputBId: b.id })),
      );
      expect(computedInput.message).toMatch(/itself computed/);
    });

    it("refuse another organization's KPI (NOT_FOUND) and an archived one", async () => {
      const admin = await as(org.admin, org);
      const foreign = await (await as(otherOrg.admin, otherOrg)).kpis.create(kpiInput(otherOrg.admin.id));
      const mine = await admin.kpis.create(kpiInput(org.admin.id));
      expect(
        await outcomeOf(() =>
          admin.kpis.create(kpiInput(org.admin.id, { kind: "ratio", inputAId: mine.id, inputBId: foreign.id })),
        ),
      ).toBe("NOT_FOUND");

      const old = await admin.kpis.create(kpiInput(org.admin.id));
      await admin.kpis.archive({ kpiId: old.id, version: old.version });
      const error = await trpcErrorOf(() =>
        admin.kpis.create(kpiInput(org.admin.id, { kind: "ratio", inputAId: mine.id, inputBId: old.id })),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/archived/);
    });
  });
});

describe("kpis.update", () => {
  it("lets an admin change any KPI and bumps its version, recording what changed", async () => {
    const admin = await as(org.admin, org);
    const created = await (await as(org.manager, org)).kpis.create(kpiInput(org.manager.id));
    const updated = await admin.kpis.update({ kpiId: created.id, version: 1, goal: 120, unit: "orders" });
    expect(updated.version).toBe(2);
    const [row] = await database.db.select().from(kpis).where(eq(kpis.id, created.id));
    expect(row).toMatchObject({ goal: 120, unit: "orders", redFlag: 80 });
    const activity = (await activityFor(created.id)).find((a) => a.action === "kpi.updated");
    expect(activity?.details).toEqual({ changes: { goal: 120, unit: "orders" } });
  });

  it("lets a manager change only KPIs they own", async () => {
    const manager = await as(org.manager, org);
    const own = await manager.kpis.create(kpiInput(org.manager.id));
    const theirs = await (await as(org.otherManager, org)).kpis.create(kpiInput(org.otherManager.id));
    await expect(manager.kpis.update({ kpiId: own.id, version: 1, weight: 2 })).resolves.toMatchObject({ version: 2 });
    expect(await outcomeOf(() => manager.kpis.update({ kpiId: theirs.id, version: 1, weight: 2 }))).toBe("FORBIDDEN");
    // Nor hand their own KPI to someone else: owners change through an admin.
    expect(
      await outcomeOf(() => manager.kpis.update({ kpiId: own.id, version: 2, ownerId: org.otherManager.id })),
    ).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await as(org.member, org)).kpis.update({ kpiId: own.id, version: 2 }))).toBe(
      "FORBIDDEN",
    );
  });

  it("answers a stale version with CONFLICT and the current values", async () => {
    const admin = await as(org.admin, org);
    const created = await admin.kpis.create(kpiInput(org.admin.id));
    await admin.kpis.update({ kpiId: created.id, version: 1, goal: 110 });
    const error = await trpcErrorOf(() => admin.kpis.update({ kpiId: created.id, version: 1, goal: 130 }));
    expect(error.code).toBe("CONFLICT");
    expect(clientErrorOf(error, "kpis.update").shape.data.current).toMatchObject({ goal: 110, version: 2 });
  });

  it("checks the targets against the direction after merging with the stored KPI", async () => {
    const admin = await as(org.admin, org);
    const created = await admin.kpis.create(kpiInput(org.admin.id));
    const error = await trpcErrorOf(() =>
      admin.kpis.update({ kpiId: created.id, version: 1, direction: "lower_is_better" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/lower-is-better/);
    expect(await outcomeOf(() => admin.kpis.update({ kpiId: created.id, version: 1, redFlag: 100 }))).toBe(
      "BAD_REQUEST",
    );
    await expect(
      admin.kpis.update({ kpiId: created.id, version: 1, direction: "lower_is_better", goal: 5, redFlag: 9 }),
    ).resolves.toMatchObject({ version: 2 });
  });

  it("changes nothing when nothing differs", async () => {
    const admin = await as(org.admin, org);
    const created = await admin.kpis.create(kpiInput(org.admin.id));
    const before = await activityCountOf(database.db, org.id);
    expect(await admin.kpis.update({ kpiId: created.id, version: 1, goal: 100 })).toEqual({
      id: created.id,
      version: 1,
    });
    expect(await activityCountOf(database.db, org.id)).toBe(before);
  });

  it("refuses a name another KPI has, another organization's KPI, and a KPI used as an input turning computed", async () => {
    const admin = await as(org.admin, org);
    const a = await admin.kpis.create(kpiInput(org.admin.id, { name: "Visitors" }));
    const b = await admin.kpis.create(kpiInput(org.admin.id));
    const c = await admin.kpis.create(kpiInput(org.admin.id));
    expect(await outcomeOf(() => admin.kpis.update({ kpiId: b.id, version: 1, name: "Visitors" }))).toBe("CONFLICT");

    const foreign = await (await as(otherOrg.admin, otherOrg)).kpis.create(kpiInput(otherOrg.admin.id));
    expect(await outcomeOf(() => admin.kpis.update({ kpiId: foreign.id, version: 1, goal: 1 }))).toBe("NOT_FOUND");

    await admin.kpis.create(kpiInput(org.admin.id, { kind: "ratio", inputAId: b.id, inputBId: a.id }));
    const error = await trpcErrorOf(() =>
      admin.kpis.update({ kpiId: a.id, version: 1, kind: "ratio", inputAId: b.id, inputBId: c.id }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/is an input of/);
  });

  it("turns an entered KPI into a computed one and back", async () => {
    const admin = await as(org.admin, org);
    const a = await admin.kpis.create(kpiInput(org.admin.id));
    const b = await admin.kpis.create(kpiInput(org.admin.id));
    const k = await admin.kpis.create(kpiInput(org.admin.id));
    expect(await outcomeOf(() => admin.kpis.update({ kpiId: k.id, version: 1, kind: "roi" }))).toBe("BAD_REQUEST");
    await admin.kpis.update({ kpiId: k.id, version: 1, kind: "roi", inputAId: a.id, inputBId: b.id });
    expect(await outcomeOf(() => admin.kpis.update({ kpiId: k.id, version: 2, inputBId: k.id }))).toBe("BAD_REQUEST");
    await admin.kpis.update({ kpiId: k.id, version: 2, kind: "manual" });
    const [row] = await database.db.select().from(kpis).where(eq(kpis.id, k.id));
    expect(row).toMatchObject({ kind: "manual", inputAId: null, inputBId: null, version: 3 });
  });
});

describe("kpis.archive", () => {
  it("is refused while a live computed KPI uses the KPI, and allowed after", async () => {
    const admin = await as(org.admin, org);
    const a = await admin.kpis.create(kpiInput(org.admin.id));
    const b = await admin.kpis.create(kpiInput(org.admin.id));
    const rate = await admin.kpis.create(
      kpiInput(org.admin.id, { name: "Rate X", kind: "ratio", inputAId: a.id, inputBId: b.id }),
    );
    const error = await trpcErrorOf(() => admin.kpis.archive({ kpiId: a.id, version: 1 }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/Rate X/);

    await admin.kpis.archive({ kpiId: rate.id, version: 1 });
    const archived = await admin.kpis.archive({ kpiId: a.id, version: 1 });
    expect(archived.version).toBe(2);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await activityFor(a.id)).map((x) => x.action)).toContain("kpi.archived");

    const listed = (await admin.kpis.list()).kpis;
    expect(listed.map((k) => k.id)).not.toContain(a.id);
    // Archived KPIs are read-only.
    expect(await outcomeOf(() => admin.kpis.update({ kpiId: a.id, version: 2, goal: 1 }))).toBe("PRECONDITION_FAILED");
    const page = await admin.kpis.get({ kpiId: a.id });
    expect(page).toMatchObject({ canEdit: false, canEnterActuals: false });
  });

  it("follows the manager-owner rule and the version", async () => {
    const admin = await as(org.admin, org);
    const k = await (await as(org.otherManager, org)).kpis.create(kpiInput(org.otherManager.id));
    expect(await outcomeOf(async () => (await as(org.manager, org)).kpis.archive({ kpiId: k.id, version: 1 }))).toBe(
      "FORBIDDEN",
    );
    expect(await outcomeOf(() => admin.kpis.archive({ kpiId: k.id, version: 7 }))).toBe("CONFLICT");
  });
});

describe("kpis.setTarget / removeTarget", () => {
  it("overrides a quarter's targets (any day names the quarter), idempotently, and removes them", async () => {
    const admin = await as(org.admin, org);
    const k = await admin.kpis.create(kpiInput(org.admin.id, { frequency: "monthly", aggregation: "last" }));
    const midQuarter = periodsWithin(quarter, "monthly")[1]?.start ?? quarter.start;
    const set = await admin.kpis.setTarget({ kpiId: k.id, periodStart: midQuarter, goal: 150, redFlag: 90 });
    expect(set).toEqual({ periodStart: quarter.start, goal: 150, redFlag: 90, changed: true });
    const activity = await activityCountOf(database.db, org.id);
    expect(await admin.kpis.setTarget({ kpiId: k.id, periodStart: quarter.end, goal: 150, redFlag: 90 })).toMatchObject(
      {
        changed: false,
      },
    );
    expect(await activityCountOf(database.db, org.id)).toBe(activity);
    const rows = await database.db.select().from(kpiTargets).where(eq(kpiTargets.kpiId, k.id));
    expect(rows).toHaveLength(1);

    const page = await admin.kpis.get({ kpiId: k.id });
    expect(page.targets).toEqual([{ periodStart: quarter.start, goal: 150, redFlag: 90 }]);
    expect(page.current).toMatchObject({ goal: 150, redFlag: 90 });
    expect(page.history.at(-2)).toMatchObject({ goal: 100, redFlag: 80 });

    expect(await admin.kpis.removeTarget({ kpiId: k.id, periodStart: midQuarter })).toEqual({
      periodStart: quarter.start,
      removed: true,
    });
    expect(await admin.kpis.removeTarget({ kpiId: k.id, periodStart: midQuarter })).toMatchObject({ removed: false });
    expect((await admin.kpis.get({ kpiId: k.id })).current).toMatchObject({ goal: 100, redFlag: 80 });
    expect((await activityFor(k.id)).map((a) => a.action)).toEqual([
      "kpi.created",
      "kpi.target_set",
      "kpi.target_removed",
    ]);
  });

  it("refuses targets against the KPI's direction, equal ones, bad numbers and non-owners", async () => {
    const admin = await as(org.admin, org);
    const k = await (await as(org.manager, org)).kpis.create(kpiInput(org.manager.id));
    for (const [goal, redFlag] of [
      [80, 100],
      [90, 90],
      [Number.NaN, 1],
      [1e16, 1],
    ] as const) {
      expect(await outcomeOf(() => admin.kpis.setTarget({ kpiId: k.id, periodStart: today, goal, redFlag }))).toBe(
        "BAD_REQUEST",
      );
    }
    expect(
      await outcomeOf(() => admin.kpis.setTarget({ kpiId: k.id, periodStart: "2026-02-30", goal: 1, redFlag: 0 })),
    ).toBe("BAD_REQUEST");
    const other = await as(org.otherManager, org);
    expect(
      await outcomeOf(() => other.kpis.setTarget({ kpiId: k.id, periodStart: today, goal: 120, redFlag: 90 })),
    ).toBe("FORBIDDEN");
    expect(await outcomeOf(() => other.kpis.removeTarget({ kpiId: k.id, periodStart: today }))).toBe("FORBIDDEN");
    const outsider = await as(otherOrg.admin, otherOrg);
    expect(
      await outcomeOf(() => outsider.kpis.setTarget({ kpiId: k.id, periodStart: today, goal: 120, redFlag: 90 })),
    ).toBe("NOT_FOUND");
  });
});

describe("kpis.list", () => {
  it("shows every role the organization's live KPIs with owner, objective, latest actual and quarter score", async () => {
    const local = await createOrg();
    const admin = await as(local.admin, local);
    const k = await admin.kpis.create(
      kpiInput(local.manager.id, {
        name: "Orders",
        unit: "orders",
        aggregation: "last",
        strategicObjectiveId: local.objectiveId,
      }),
    );
    await admin.kpis.create(kpiInput(local.admin.id, { name: "Backlog" }));
    await addActuals(local.id, k.id, { [quarter.start]: 90 });

    for (const person of [local.viewer, local.member]) {
      const list = (await (await as(person, local)).kpis.list()).kpis;
      expect(list.map((x) => x.name)).toEqual(["Backlog", "Orders"]);
    }
    const [orders] = (await admin.kpis.list({ strategicObjectiveId: local.objectiveId })).kpis;
    expect(orders).toMatchObject({
      id: k.id,
      name: "Orders",
      unit: "orders",
      frequency: "monthly",
      kind: "manual",
      goal: 100,
      redFlag: 80,
      owner: { id: local.manager.id },
      strategicObjective: { id: local.objectiveId, name: "Delight customers" },
      latestActual: { periodStart: quarter.start, value: 90 },
      actual: 90,
      status: "amber",
      version: 1,
    });
    expect(orders?.score).toBeCloseTo(5, 9);
    const backlog = (await admin.kpis.list()).kpis.find((x) => x.name === "Backlog");
    expect(backlog).toMatchObject({ latestActual: null, score: null, status: "no_data", strategicObjective: null });
    expect((await admin.kpis.list({ ownerId: local.admin.id })).kpis.map((x) => x.name)).toEqual(["Backlog"]);

    // Nothing of another organization.
    const elsewhere = (await (await as(otherOrg.viewer, otherOrg)).kpis.list()).kpis;
    expect(elsewhere.map((x) => x.id)).not.toContain(k.id);
  });
});

describe("kpis.list paging and search", () => {
  it("pages alphabetically with a cursor, each KPI once, and scores each page's KPIs", async () => {
    const local = await createOrg();
    const admin = await as(local.admin, local);
    const names = Array.from({ length: 7 }, (_, i) => `Metric ${String.fromCharCode(71 - i)}`); // G … A
    const created = [];
    for (const name of names) created.push(await admin.kpis.create(kpiInput(local.admin.id, { name })));
    await addActuals(local.id, created[0]?.id ?? "", { [quarter.start]: 95 });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof admin.kpis.list>> = await admin.kpis.list({ limit: 3, cursor });
      expect(page.kpis.length).toBeLessThanOrEqual(3);
      seen.push(...page.kpis.map((k) => k.name));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].sort());
    const g = (await admin.kpis.list({ q: "metric g" })).kpis;
    expect(g.map((k) => k.name)).toEqual(["Metric G"]);
    expect(g[0]).toMatchObject({ actual: 95, latestActual: { value: 95 } });
  });

  it("searches name, owner and objective in SQL, literal % and _, and filters by kind", async () => {
    const local = await createOrg();
    const admin = await as(local.admin, local);
    await admin.kpis.create(kpiInput(local.admin.id, { name: "Margin 100%" }));
    await admin.kpis.create(kpiInput(local.admin.id, { name: "Margin 1000" }));
    await admin.kpis.create(kpiInput(local.manager.id, { name: "Uptime", strategicObjectiveId: local.objectiveId }));
    expect((await admin.kpis.list({ q: "100%" })).kpis.map((k) => k.name)).toEqual(["Margin 100%"]);
    expect((await admin.kpis.list({ q: "in_1" })).kpis).toEqual([]);
    expect((await admin.kpis.list({ q: "delight" })).kpis.map((k) => k.name)).toEqual(["Uptime"]);
    expect((await admin.kpis.list({ kind: "ratio" })).kpis).toEqual([]);
    expect((await admin.kpis.list({ kind: "manual" })).kpis).toHaveLength(3);
  });

  it("answers a forged cursor or an oversized page with 400", async () => {
    const local = await createOrg();
    const admin = await as(local.admin, local);
    expect(await outcomeOf(() => admin.kpis.list({ cursor: "not-a-cursor" }))).toBe("BAD_REQUEST");
    const forged = Buffer.from(JSON.stringify({ n: "x", i: "nope" })).toString("base64url");
    expect(await outcomeOf(() => admin.kpis.list({ cursor: forged }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => admin.kpis.list({ limit: 1000 }))).toBe("BAD_REQUEST");
  });
});

describe("kpis.get", () => {
  it("scores a computed KPI as Σ conversions ÷ Σ visitors over the quarter", async () => {
    const local = await createOrg();
    const admin = await as(local.admin, local);
    const visitors = await admin.kpis.create(kpiInput(local.admin.id, { name: "Visitors" }));
    const conversions = await admin.kpis.create(kpiInput(local.admin.id, { name: "Conversions" }));
    const rate = await admin.kpis.create(
      kpiInput(local.admin.id, {
        name: "Conversion rate",
        kind: "ratio",
        inputAId: conversions.id,
        inputBId: visitors.id,
        aggregation: "average",
        goal: 0.1,
        redFlag: 0.05,
      }),
    );
    const [m1, m2] = periodsWithin(previousQuarter, "monthly").map((p) => p.start);
    if (!m1 || !m2) throw new Error("a quarter has three months");
    await addActuals(local.id, visitors.id, { [m1]: 100, [m2]: 900 });
    await addActuals(local.id, conversions.id, { [m1]: 20, [m2]: 30 });

    const page = await admin.kpis.get({ kpiId: rate.id, period: previousQuarter.start });
    expect(page.quarter).toMatchObject({ start: previousQuarter.start, end: previousQuarter.end });
    // (20 + 30) / (100 + 900) = 5 %, not the mean of 20 % and 3.3 %.
    expect(page.current?.actual).toBeCloseTo(0.05, 12);
    expect(page.current?.score).toBeCloseTo(10 / 3, 9);
    expect(page.inputs).toMatchObject({ a: { id: conversions.id, name: "Conversions" }, b: { id: visitors.id } });
    const months = page.periods.filter((p) => p.periodStart === m1 || p.periodStart === m2);
    expect(months.map((p) => p.value)).toEqual([0.2, 30 / 900]);
    expect(months[0]).toMatchObject({ source: null, updatedAt: null, goal: 0.1, redFlag: 0.05 });
    expect(page.canEnterActuals).toBe(false);
    expect(page.canEdit).toBe(true);
    expect((await admin.kpis.get({ kpiId: visitors.id })).usedBy).toEqual([{ id: rate.id, name: "Conversion rate" }]);
  });

  it("returns 8 quarters of history, the KPI's own periods with their actuals, a forecast and benchmarks", async () => {
    const local = await createOrg();
    const admin = await as(local.admin, local);
    const k = await admin.kpis.create(
      kpiInput(local.member.id, { name: "Leads", aggregation: "sum", goal: 300, redFlag: 240, unit: "leads" }),
    );
    const months = pastMonths();
    await addActuals(local.id, k.id, Object.fromEntries(months.map((m, i) => [m, 80 + 10 * i])));
    await admin.benchmarks.upsert({ kpiId: k.id, source: "Industry median", periodStart: quarter.start, value: 95 });

    const page = await admin.kpis.get({ kpiId: k.id });
    expect(page.kpi).toMatchObject({ name: "Leads", unit: "leads", owner: { id: local.member.id }, version: 1 });
    expect(page.history).toHaveLength(8);
    expect(page.history.at(-1)?.period).toEqual(quarter);
    expect(page.history[0]?.period).toEqual(quarterAt(today, -7));
    // Eight quarters of months, oldest first; monthly goal spread from the quarterly total.
    expect(page.periods).toHaveLength(24);
    const first = page.periods.find((p) => p.periodStart === months[0]);
    expect(first).toMatchObject({ value: 80, source: "manual", goal: 100, redFlag: 80 });
    expect(first?.updatedAt).toBeInstanceOf(Date);
    expect(page.periods[0]).toMatchObject({ value: null, source: null });
    // Previous quarter: 80 + 90 + 100.
    expect(page.history.at(-2)).toMatchObject({ actual: 270, status: "amber" });
    expect(page.forecast).not.toBeNull();
    expect(page.forecast?.quarter).toEqual(quarter);
    expect(page.benchmarks).toMatchObject([{ source: "Industry median", periodStart: quarter.start, value: 95 }]);
  });

  it("tells who may edit and who may enter actuals", async () => {
    const local = await createOrg();
    const k = await (await as(local.manager, local)).kpis.create(kpiInput(local.manager.id));
    const owned = await (await as(local.admin, local)).kpis.create(kpiInput(local.member.id));
    const flags = async (person: Person, kpiId: string) => {
      const page = await (await as(person, local)).kpis.get({ kpiId });
      return [page.canEdit, page.canEnterActuals];
    };
    expect(await flags(local.admin, k.id)).toEqual([true, true]);
    expect(await flags(local.manager, k.id)).toEqual([true, true]);
    expect(await flags(local.otherManager, k.id)).toEqual([false, false]);
    expect(await flags(local.member, k.id)).toEqual([false, false]);
    expect(await flags(local.member, owned.id)).toEqual([false, true]);
    expect(await flags(local.viewer, k.id)).toEqual([false, false]);
  });

  it("is NOT_FOUND for another organization's KPI and a 400 for a bad id or period", async () => {
    const foreign = await (await as(otherOrg.admin, otherOrg)).kpis.create(kpiInput(otherOrg.admin.id));
    const admin = await as(org.admin, org);
    expect(await outcomeOf(() => admin.kpis.get({ kpiId: foreign.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => admin.kpis.get({ kpiId: "nope" }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => admin.kpis.get({ kpiId: foreign.id, period: "9999-01-01" }))).toBe("BAD_REQUEST");
  });
});

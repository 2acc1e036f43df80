import { activityLog, and, asc, count, eq, kpiActuals, kpis } from "@meridian/db";
import type { KpiFrequency, KpiKind } from "@meridian/domain";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  callerFor,
  clientErrorOf,
  createMember,
  createOrganization,
  outcomeOf,
  trpcErrorOf,
  useTestDatabase,
} from "../../../test/support";

const database = useTestDatabase();
let orgId: string;
const people = {} as Record<
  "admin" | "manager" | "otherManager" | "member" | "otherMember" | "viewer",
  { id: string; email: string }
>;
const kpi = {} as Record<"revenue" | "nps" | "tickets" | "visitors" | "conversion", { id: string; name: string }>;

async function createKpi(
  organizationId: string,
  ownerId: string,
  name: string,
  frequency: KpiFrequency,
  computed?: { kind: Exclude<KpiKind, "manual">; inputAId: string; inputBId: string },
) {
  const [row] = await database.db
    .insert(kpis)
    .values({ organizationId, ownerId, name, frequency, goal: 100, redFlag: 80, ...computed })
    .returning({ id: kpis.id, name: kpis.name });
  if (!row) throw new Error("KPI was not created");
  return row;
}

/** Every actual of the organization and the activity count: equal before and after means nothing was written. */
async function actualsSnapshot() {
  const [rows, [activity]] = await Promise.all([
    database.db
      .select()
      .from(kpiActuals)
      .where(eq(kpiActuals.organizationId, orgId))
      .orderBy(asc(kpiActuals.kpiId), asc(kpiActuals.periodStart)),
    database.db.select({ n: count() }).from(activityLog).where(eq(activityLog.organizationId, orgId)),
  ]);
  return { rows, activity: activity?.n ?? 0 };
}

async function valuesOf(kpiId: string) {
  const rows = await database.db
    .select({ periodStart: kpiActuals.periodStart, value: kpiActuals.value, source: kpiActuals.source })
    .from(kpiActuals)
    .where(and(eq(kpiActuals.organizationId, orgId), eq(kpiActuals.kpiId, kpiId)))
    .orderBy(asc(kpiActuals.periodStart));
  return rows;
}

const as = (who: keyof typeof people) => callerFor(database.db, people[who].email);

beforeAll(async () => {
  const org = await createOrganization(database.db);
  orgId = org.id;
  people.admin = await createMember(database.db, orgId, "admin");
  people.manager = await createMember(database.db, orgId, "manager");
  people.otherManager = await createMember(database.db, orgId, "manager");
  people.member = await createMember(database.db, orgId, "member");
  people.otherMember = await createMember(database.db, orgId, "member");
  people.viewer = await createMember(database.db, orgId, "viewer");
  kpi.revenue = await createKpi(orgId, people.manager.id, "Revenue", "monthly");
  kpi.nps = await createKpi(orgId, people.member.id, "Net promoter score", "quarterly");
  kpi.tickets = await createKpi(orgId, people.otherManager.id, "Support tickets", "weekly");
  kpi.visitors = await createKpi(orgId, people.manager.id, "Visitors", "monthly");
  kpi.conversion = await createKpi(orgId, people.manager.id, "Conversion rate", "monthly", {
    kind: "ratio",
    inputAId: kpi.revenue.id,
    inputBId: kpi.visitors.id,
  });
});

beforeEach(async () => {
  await database.db.delete(kpiActuals).where(eq(kpiActuals.organizationId, orgId));
});

describe("kpiActuals.save", () => {
  it("lets admins enter any KPI, managers and members only the KPIs they own, viewers none", async () => {
    const save = (who: keyof typeof people, kpiId: string, periodStart: string) => async () =>
      (await as(who)).kpiActuals.save({ kpiId, values: [{ periodStart, value: 1 }] });
    expect(await outcomeOf(save("admin", kpi.revenue.id, "2026-01-01"))).toBe("allow");
    expect(await outcomeOf(save("admin", kpi.nps.id, "2026-01-01"))).toBe("allow");
    expect(await outcomeOf(save("manager", kpi.revenue.id, "2026-02-01"))).toBe("allow");
    expect(await outcomeOf(save("manager", kpi.nps.id, "2026-04-01"))).toBe("FORBIDDEN");
    expect(await outcomeOf(save("otherManager", kpi.revenue.id, "2026-03-01"))).toBe("FORBIDDEN");
    expect(await outcomeOf(save("member", kpi.nps.id, "2026-04-01"))).toBe("allow");
    expect(await outcomeOf(save("otherMember", kpi.nps.id, "2026-07-01"))).toBe("FORBIDDEN");
    expect(await outcomeOf(save("viewer", kpi.nps.id, "2026-07-01"))).toBe("FORBIDDEN");

    const error = await trpcErrorOf(save("member", kpi.revenue.id, "2026-05-01"));
    expect(error.message).toBe("You can only enter actuals for KPIs you own.");
    expect((await valuesOf(kpi.revenue.id)).map((r) => r.periodStart)).toEqual(["2026-01-01", "2026-02-01"]);
    expect((await valuesOf(kpi.nps.id)).map((r) => r.periodStart)).toEqual(["2026-01-01", "2026-04-01"]);
  });

  it("does not find another organization's KPI", async () => {
    const other = await createOrganization(database.db);
    const owner = await createMember(database.db, other.id, "admin");
    const foreign = await createKpi(other.id, owner.id, "Revenue", "monthly");
    const error = await trpcErrorOf(async () =>
      (await as("admin")).kpiActuals.save({ kpiId: foreign.id, values: [{ periodStart: "2026-01-01", value: 5 }] }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });

  it("accepts only the first day of one of the KPI's own periods, naming the period meant", async () => {
    const before = await actualsSnapshot();
    const monthly = await trpcErrorOf(async () =>
      (await as("manager")).kpiActuals.save({
        kpiId: kpi.revenue.id,
        values: [
          { periodStart: "2026-06-01", value: 1 },
          { periodStart: "2026-07-15", value: 2 },
        ],
      }),
    );
    expect(monthly.code).toBe("BAD_REQUEST");
    expect(monthly.message).toBe(
      "2026-07-15 does not start one of Revenue's monthly periods: Jul 2026 starts on 2026-07-01.",
    );
    const weekly = await trpcErrorOf(async () =>
      (await as("otherManager")).kpiActuals.save({
        kpiId: kpi.tickets.id,
        values: [{ periodStart: "2026-07-01", value: 2 }],
      }),
    );
    expect(weekly.message).toBe(
      "2026-07-01 does not start one of Support tickets's weekly periods: 29 Jun 2026 starts on 2026-06-29.",
    );
    const quarterly = await trpcErrorOf(async () =>
      (await as("member")).kpiActuals.save({ kpiId: kpi.nps.id, values: [{ periodStart: "2026-08-01", value: 2 }] }),
    );
    expect(quarterly.message).toMatch(/Q3 2026 starts on 2026-07-01/);
    const twice = await trpcErrorOf(async () =>
      (await as("member")).kpiActuals.save({
        kpiId: kpi.nps.id,
        values: [
          { periodStart: "2026-07-01", value: 2 },
          { periodStart: "2026-07-01", value: 3 },
        ],
      }),
    );
    expect(twice.message).toBe("Q3 2026 is given twice.");
    expect(await actualsSnapshot()).toEqual(before);
  });

  it("refuses values for a computed KPI", async () => {
    const error = await trpcErrorOf(async () =>
      (await as("admin")).kpiActuals.save({
        kpiId: kpi.conversion.id,
        values: [{ periodStart: "2026-07-01", value: 0.05 }],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Conversion rate is computed from other KPIs: enter the values of its inputs instead.");
  });

  it("creates, updates, deletes with null, and changes nothing on an identical repeat", async () => {
    const caller = await as("manager");
    const first = await caller.kpiActuals.save({
      kpiId: kpi.revenue.id,
      values: [
        { periodStart: "2026-01-01", value: 100 },
        { periodStart: "2026-02-01", value: 110 },
        { periodStart: "2026-03-01", value: 120 },
      ],
    });
    expect(first).toEqual({ created: 3, updated: 0, unchanged: 0, deleted: 0 });

    const second = await caller.kpiActuals.save({
      kpiId: kpi.revenue.id,
      values: [
        { periodStart: "2026-01-01", value: 100 },
        { periodStart: "2026-02-01", value: 115 },
        { periodStart: "2026-03-01", value: null },
        { periodStart: "2026-04-01", value: null },
      ],
    });
    // Clearing a period that holds nothing is no change.
    expect(second).toEqual({ created: 0, updated: 1, unchanged: 2, deleted: 1 });
    expect(await valuesOf(kpi.revenue.id)).toEqual([
      { periodStart: "2026-01-01", value: 100, source: "manual" },
      { periodStart: "2026-02-01", value: 115, source: "manual" },
    ]);

    const before = await actualsSnapshot();
    const repeat = await caller.kpiActuals.save({
      kpiId: kpi.revenue.id,
      values: [
        { periodStart: "2026-01-01", value: 100 },
        { periodStart: "2026-02-01", value: 115 },
        { periodStart: "2026-03-01", value: null },
      ],
    });
    expect(repeat).toEqual({ created: 0, updated: 0, unchanged: 3, deleted: 0 });
    // Same rows, same timestamps, no new activity.
    expect(await actualsSnapshot()).toEqual(before);
  });

  it("records who changed what, once per save, with the values before and after", async () => {
    const caller = await as("manager");
    await caller.kpiActuals.save({ kpiId: kpi.visitors.id, values: [{ periodStart: "2026-05-01", value: 10 }] });
    await caller.kpiActuals.save({
      kpiId: kpi.visitors.id,
      values: [
        { periodStart: "2026-05-01", value: 12 },
        { periodStart: "2026-06-01", value: 20 },
      ],
    });
    const entries = await database.db
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.organizationId, orgId), eq(activityLog.entityId, kpi.visitors.id)))
      .orderBy(asc(activityLog.createdAt));
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({
      actorId: people.manager.id,
      entityType: "kpi",
      action: "kpi.actuals.saved",
      details: {
        kpiName: "Visitors",
        source: "manual",
        created: 1,
        updated: 1,
        deleted: 0,
        unchanged: 0,
        changes: [
          { kpiId: kpi.visitors.id, periodStart: "2026-05-01", before: 10, after: 12 },
          { kpiId: kpi.visitors.id, periodStart: "2026-06-01", before: null, after: 20 },
        ],
      },
    });
  });
});

describe("kpiActuals CSV import", () => {
  const GOOD = [
    "kpi,period,value",
    "Revenue,2026-01,100",
    "revenue,2026-02-10,110",
    "Net promoter score,2026-Q1,42",
    `${"Support tickets"},2026-01-07,9`,
  ].join("\n");

  it("previews each row's effect against what the periods hold, writing nothing", async () => {
    await (await as("admin")).kpiActuals.save({
      kpiId: kpi.revenue.id,
      values: [
        { periodStart: "2026-01-01", value: 100 },
        { periodStart: "2026-02-01", value: 90 },
      ],
    });
    const before = await actualsSnapshot();
    const preview = await (await as("admin")).kpiActuals.previewImport({ csv: GOOD });
    expect(preview).toEqual({
      rows: [
        {
          line: 2,
          kpi: kpi.revenue,
          periodStart: "2026-01-01",
          periodLabel: "Jan 2026",
          value: 100,
          cells: { kpi: "Revenue", period: "2026-01", value: "100" },
          previous: 100,
          status: "unchanged",
          errors: [],
        },
        {
          line: 3,
          kpi: kpi.revenue,
          periodStart: "2026-02-01",
          periodLabel: "Feb 2026",
          value: 110,
          cells: { kpi: "revenue", period: "2026-02-10", value: "110" },
          previous: 90,
          status: "update",
          errors: [],
        },
        {
          line: 4,
          kpi: kpi.nps,
          periodStart: "2026-01-01",
          periodLabel: "Q1 2026",
          value: 42,
          cells: { kpi: "Net promoter score", period: "2026-Q1", value: "42" },
          previous: null,
          status: "new",
          errors: [],
        },
        {
          line: 5,
          kpi: kpi.tickets,
          periodStart: "2026-01-05",
          periodLabel: "5 Jan 2026",
          value: 9,
          cells: { kpi: "Support tickets", period: "2026-01-07", value: "9" },
          previous: null,
          status: "new",
          errors: [],
        },
      ],
      counts: { new: 2, update: 1, unchanged: 1, error: 0 },
    });
    expect(await actualsSnapshot()).toEqual(before);
  });

  it("refuses a file with bad rows as a whole, naming each error by line, and writes nothing", async () => {
    const csv = [
      "kpi,period,value",
      "Revenue,2026-01,100",
      "Revnue,2026-02,110",
      "Conversion rate,2026-01,0.05",
      "Net promoter score,2026-Q1,abc",
      "Revenue,2026-01-31,101",
    ].join("\n");
    const admin = await as("admin");
    const preview = await admin.kpiActuals.previewImport({ csv });
    expect(preview.counts).toEqual({ new: 1, update: 0, unchanged: 0, error: 4 });
    expect(preview.rows.map((r) => [r.line, r.status, r.errors])).toEqual([
      [2, "new", []],
      [3, "error", ['No KPI is named "Revnue".']],
      [4, "error", ["Conversion rate is computed from other KPIs: enter the values of its inputs instead."]],
      [
        5,
        "error",
        ['"abc" is not a number: write digits with a dot for decimals and no thousands separators, like 1234.5.'],
      ],
      [6, "error", ["Revenue for Jan 2026 is already given on line 2."]],
    ]);

    const before = await actualsSnapshot();
    const error = await trpcErrorOf(() => admin.kpiActuals.import({ csv }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("4 of 5 rows have errors, so nothing was imported. Fix them and import again.");
    const { shape, httpStatus } = clientErrorOf(error, "kpiActuals.import");
    expect(httpStatus).toBe(400);
    expect((shape.data.fieldErrors as Record<string, string[]> | null)?.csv).toEqual([
      "4 of 5 rows have errors, so nothing was imported. Fix them and import again.",
      'Line 3: No KPI is named "Revnue".',
      "Line 4: Conversion rate is computed from other KPIs: enter the values of its inputs instead.",
      'Line 5: "abc" is not a number: write digits with a dot for decimals and no thousands separators, like 1234.5.',
      "Line 6: Revenue for Jan 2026 is already given on line 2.",
    ]);
    expect(await actualsSnapshot()).toEqual(before);
    expect(before.rows).toEqual([]);
  });

  it("makes rows for KPIs the caller does not own errors, for managers and members", async () => {
    const preview = await (await as("member")).kpiActuals.previewImport({ csv: GOOD });
    expect(preview.rows.map((r) => r.status)).toEqual(["error", "error", "new", "error"]);
    expect(preview.rows[0]?.errors).toEqual(["You can only enter actuals for KPIs you own."]);
    // What the member may not enter, they do not get to see the current value of either.
    expect(preview.rows[0]?.previous).toBeNull();
    const before = await actualsSnapshot();
    expect((await trpcErrorOf(async () => (await as("member")).kpiActuals.import({ csv: GOOD }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(await actualsSnapshot()).toEqual(before);

    const own = "kpi,period,value\nNet promoter score,2026-Q2,40\n";
    expect(await (await as("member")).kpiActuals.import({ csv: own })).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
  });

  it("imports a good file in one go, and a repeat of it adds nothing", async () => {
    const admin = await as("admin");
    const before = await actualsSnapshot();
    expect(await admin.kpiActuals.import({ csv: GOOD })).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const after = await actualsSnapshot();
    expect(after.rows).toHaveLength(4);
    expect(after.rows.every((r) => r.source === "csv" && r.updatedById === people.admin.id)).toBe(true);
    expect(after.activity).toBe(before.activity + 1);
    const [entry] = await database.db
      .select()
      .from(activityLog)
      .where(
        and(
          eq(activityLog.organizationId, orgId),
          eq(activityLog.action, "kpi.actuals.imported"),
          eq(activityLog.actorId, people.admin.id),
        ),
      );
    expect(entry).toMatchObject({
      actorId: people.admin.id,
      entityType: "kpi",
      details: { source: "csv", rows: 4, created: 4, updated: 0, deleted: 0, unchanged: 0 },
    });

    expect(await admin.kpiActuals.import({ csv: GOOD })).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await actualsSnapshot()).toEqual(after);

    const changed = GOOD.replace("Revenue,2026-01,100", "Revenue,2026-01,105");
    expect(await admin.kpiActuals.import({ csv: changed })).toEqual({ created: 0, updated: 1, unchanged: 3 });
    expect((await valuesOf(kpi.revenue.id))[0]).toEqual({ periodStart: "2026-01-01", value: 105, source: "csv" });
  });

  it("refuses a file without the expected columns, an empty file, and viewers", async () => {
    const admin = await as("admin");
    const missing = await trpcErrorOf(() => admin.kpiActuals.previewImport({ csv: "kpi,amount\nRevenue,1" }));
    expect(missing.code).toBe("BAD_REQUEST");
    expect(missing.message).toBe("The first row must name the columns kpi, period and value; missing: period, value.");
    const empty = await trpcErrorOf(() => admin.kpiActuals.import({ csv: "" }));
    expect(empty.message).toMatch(/The file is empty/);
    expect(await outcomeOf(async () => (await as("viewer")).kpiActuals.previewImport({ csv: GOOD }))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await as("viewer")).kpiActuals.import({ csv: GOOD }))).toBe("FORBIDDEN");
    const nul = await trpcErrorOf(() => admin.kpiActuals.import({ csv: "kpi,period,value\nRev\u0000,2026-01,1" }));
    expect(nul.code).toBe("BAD_REQUEST");
  });
});

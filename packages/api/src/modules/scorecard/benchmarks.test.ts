import { activityLog, eq, kpiBenchmarks } from "@meridian/db";
import type { TKpiCreateInput } from "@meridian/domain";
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
let orgId: string;
let otherOrgId: string;
const people = {} as Record<"admin" | "manager" | "otherManager" | "member" | "viewer" | "outsider", Person>;

let sequence = 0;
const kpiInput = (ownerId: string, overrides: Partial<TKpiCreateInput> = {}): TKpiCreateInput => ({
  name: `Benchmarked KPI ${++sequence}`,
  direction: "higher_is_better",
  frequency: "monthly",
  aggregation: "average",
  goal: 0.05,
  redFlag: 0.02,
  ownerId,
  ...overrides,
});

const as = (who: keyof typeof people) => callerFor(database.db, people[who].email);

const benchmarksOf = (kpiId: string) =>
  database.db
    .select({ source: kpiBenchmarks.source, periodStart: kpiBenchmarks.periodStart, value: kpiBenchmarks.value })
    .from(kpiBenchmarks)
    .where(eq(kpiBenchmarks.kpiId, kpiId))
    .orderBy(kpiBenchmarks.source, kpiBenchmarks.periodStart);

beforeAll(async () => {
  orgId = (await createOrganization(database.db)).id;
  otherOrgId = (await createOrganization(database.db)).id;
  people.admin = await createMember(database.db, orgId, "admin");
  people.manager = await createMember(database.db, orgId, "manager");
  people.otherManager = await createMember(database.db, orgId, "manager");
  people.member = await createMember(database.db, orgId, "member");
  people.viewer = await createMember(database.db, orgId, "viewer");
  people.outsider = await createMember(database.db, otherOrgId, "admin");
});

describe("benchmarks.upsert", () => {
  it("stores a value per source and KPI period (any day names it), idempotently", async () => {
    const manager = await as("manager");
    const k = await manager.kpis.create(kpiInput(people.manager.id));
    const first = await manager.benchmarks.upsert({
      kpiId: k.id,
      source: "  Contoso ",
      periodStart: "2026-05-17",
      value: 0.04,
    });
    expect(first).toMatchObject({ source: "Contoso", periodStart: "2026-05-01", value: 0.04, outcome: "created" });
    const activity = await activityCountOf(database.db, orgId);

    const again = await manager.benchmarks.upsert({
      kpiId: k.id,
      source: "Contoso",
      periodStart: "2026-05-01",
      value: 0.04,
    });
    expect(again).toMatchObject({ id: first.id, outcome: "unchanged" });
    expect(await activityCountOf(database.db, orgId)).toBe(activity);

    // Another spelling of the same source joins its series; a new value replaces the old one.
    const changed = await manager.benchmarks.upsert({
      kpiId: k.id,
      source: "contoso",
      periodStart: "2026-05-31",
      value: 0.045,
    });
    expect(changed).toMatchObject({ id: first.id, source: "Contoso", outcome: "updated" });
    await manager.benchmarks.upsert({ kpiId: k.id, source: "Industry median", periodStart: "2026-05-01", value: 0.03 });
    expect(await benchmarksOf(k.id)).toEqual([
      { source: "Contoso", periodStart: "2026-05-01", value: 0.045 },
      { source: "Industry median", periodStart: "2026-05-01", value: 0.03 },
    ]);
    expect(await activityCountOf(database.db, orgId)).toBe(activity + 2);

    const page = await manager.kpis.get({ kpiId: k.id, period: "2026-05-01" });
    expect(page.benchmarks.map((b) => [b.source, b.value])).toEqual([
      ["Contoso", 0.045],
      ["Industry median", 0.03],
    ]);
  });

  it("names a quarterly KPI's benchmark by the quarter", async () => {
    const admin = await as("admin");
    const k = await admin.kpis.create(kpiInput(people.admin.id, { frequency: "quarterly" }));
    const saved = await admin.benchmarks.upsert({ kpiId: k.id, source: "Peer", periodStart: "2026-08-20", value: 1 });
    expect(saved.periodStart).toBe("2026-07-01");
  });

  it("lets admins and the owning manager add benchmarks, nobody else", async () => {
    const k = await (await as("manager")).kpis.create(kpiInput(people.manager.id));
    const input = { kpiId: k.id, source: "Fabrikam", periodStart: "2026-03-01", value: 2 };
    expect(await outcomeOf(async () => (await as("admin")).benchmarks.upsert(input))).toBe("allow");
    expect(await outcomeOf(async () => (await as("otherManager")).benchmarks.upsert(input))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await as("member")).benchmarks.upsert(input))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await as("viewer")).benchmarks.upsert(input))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await as("outsider")).benchmarks.upsert(input))).toBe("NOT_FOUND");
  });

  it("refuses bad input with 400s and writes nothing", async () => {
    const admin = await as("admin");
    const k = await admin.kpis.create(kpiInput(people.admin.id));
    const before = await activityCountOf(database.db, orgId);
    const bad = [
      { source: "", value: 1 },
      { source: "x".repeat(81), value: 1 },
      { source: "nul\u0000", value: 1 },
      { source: "Peer", value: Number.NaN },
      { source: "Peer", value: Number.NEGATIVE_INFINITY },
      { source: "Peer", value: 1e300 },
      { source: "Peer", value: 1, periodStart: "2026-13-01" },
      { source: "Peer", value: 1, periodStart: "0001-01-01" },
    ];
    for (const b of bad) {
      const error = await trpcErrorOf(() => admin.benchmarks.upsert({ kpiId: k.id, periodStart: "2026-01-01", ...b }));
      expect(clientErrorOf(error, "benchmarks.upsert").httpStatus, JSON.stringify(b)).toBe(400);
    }
    expect(await benchmarksOf(k.id)).toEqual([]);
    expect(await activityCountOf(database.db, orgId)).toBe(before);
  });

  it("refuses benchmarks on an archived KPI", async () => {
    const admin = await as("admin");
    const k = await admin.kpis.create(kpiInput(people.admin.id));
    await admin.kpis.archive({ kpiId: k.id, version: 1 });
    expect(
      await outcomeOf(() =>
        admin.benchmarks.upsert({ kpiId: k.id, source: "Peer", periodStart: "2026-01-01", value: 1 }),
      ),
    ).toBe("PRECONDITION_FAILED");
  });
});

describe("benchmarks.remove", () => {
  it("removes a benchmark for the KPI's managers, records it, and is NOT_FOUND afterwards", async () => {
    const manager = await as("manager");
    const k = await manager.kpis.create(kpiInput(people.manager.id));
    const saved = await manager.benchmarks.upsert({ kpiId: k.id, source: "Peer", periodStart: "2026-02-01", value: 3 });

    expect(await outcomeOf(async () => (await as("otherManager")).benchmarks.remove({ benchmarkId: saved.id }))).toBe(
      "FORBIDDEN",
    );
    expect(await outcomeOf(async () => (await as("viewer")).benchmarks.remove({ benchmarkId: saved.id }))).toBe(
      "FORBIDDEN",
    );
    expect(await outcomeOf(async () => (await as("outsider")).benchmarks.remove({ benchmarkId: saved.id }))).toBe(
      "NOT_FOUND",
    );

    expect(await manager.benchmarks.remove({ benchmarkId: saved.id })).toEqual({ id: saved.id, removed: true });
    expect(await benchmarksOf(k.id)).toEqual([]);
    const [log] = await database.db.select().from(activityLog).where(eq(activityLog.action, "kpi.benchmark_removed"));
    expect(log).toMatchObject({ entityId: k.id, actorId: people.manager.id });
    expect(log?.details).toMatchObject({ source: "Peer", periodStart: "2026-02-01", value: 3 });
    expect(await outcomeOf(() => manager.benchmarks.remove({ benchmarkId: saved.id }))).toBe("NOT_FOUND");
  });
});

import { asc, type Database, eq, kpiActuals, kpis, perspectives, strategicObjectives } from "@meridian/db";
import { beforeAll } from "vitest";
import { ensureDefaultPerspectives } from "../../src/modules/scorecard/default-perspectives";
import { callerFor } from "./callers";
import { createMember, createOrganization } from "./factories";
import { type LiveTestDatabase, useTestDatabase } from "./test-database";

/**
 * An organization of its own for strategy tests: one person per role and the
 * four default perspectives. Tests of the scorecard need no demo data.
 */
export async function createStrategyOrganization(db: Database) {
  const organization = await createOrganization(db);
  const [admin, manager, member, viewer] = await Promise.all(
    (["admin", "manager", "member", "viewer"] as const).map((role) => createMember(db, organization.id, role)),
  );
  if (!admin || !manager || !member || !viewer) throw new Error("members were not created");
  await ensureDefaultPerspectives(db, organization.id);
  const bands = await db
    .select()
    .from(perspectives)
    .where(eq(perspectives.organizationId, organization.id))
    .orderBy(asc(perspectives.position));
  const people = { admin, manager, member, viewer };
  return {
    organization,
    ...people,
    perspectives: bands,
    as: (role: keyof typeof people) => callerFor(db, people[role].email, organization.id),
  };
}
export type StrategyOrganization = Awaited<ReturnType<typeof createStrategyOrganization>>;

/** Two strategy organizations, `org` and `other`, in the file's own test database. */
export interface LiveStrategyDatabase extends LiveTestDatabase {
  readonly org: StrategyOrganization;
  readonly other: StrategyOrganization;
}

/** useTestDatabase with two strategy organizations created in beforeAll: `org` to test in, `other` to stay out of. */
export function useStrategyDatabase(): LiveStrategyDatabase {
  const database = useTestDatabase();
  let org: StrategyOrganization | undefined;
  let other: StrategyOrganization | undefined;
  beforeAll(async () => {
    org = await createStrategyOrganization(database.db);
    other = await createStrategyOrganization(database.db);
  });
  const ready = (value: StrategyOrganization | undefined) => {
    if (!value) throw new Error("the strategy organizations are read before the test file's beforeAll ran");
    return value;
  };
  return {
    get db() {
      return database.db;
    },
    get org() {
      return ready(org);
    },
    get other() {
      return ready(other);
    },
  };
}

/** A strategic objective inserted directly, owned by the organization's admin by default. */
export async function createStrategicObjective(
  db: Database,
  org: StrategyOrganization,
  overrides: { perspectiveId?: string; name?: string; ownerId?: string; weight?: number } = {},
) {
  const perspective = org.perspectives[0];
  if (!perspective) throw new Error("organization has no perspective");
  const [row] = await db
    .insert(strategicObjectives)
    .values({
      organizationId: org.organization.id,
      perspectiveId: overrides.perspectiveId ?? perspective.id,
      name: overrides.name ?? `Strategic objective ${Math.random().toString(36).slice(2, 8)}`,
      ownerId: overrides.ownerId ?? org.admin.id,
      weight: overrides.weight ?? 1,
    })
    .returning();
  if (!row) throw new Error("strategic objective was not created");
  return row;
}

/** A quarterly, last-value KPI (goal 100, red flag 80 unless told) with optional actuals per quarter. */
export async function createQuarterlyKpi(
  db: Database,
  org: StrategyOrganization,
  strategicObjectiveId: string | null,
  actuals: Record<string, number> = {},
  overrides: { goal?: number; redFlag?: number; weight?: number } = {},
) {
  const [kpi] = await db
    .insert(kpis)
    .values({
      organizationId: org.organization.id,
      name: `KPI ${Math.random().toString(36).slice(2, 10)}`,
      goal: overrides.goal ?? 100,
      redFlag: overrides.redFlag ?? 80,
      ownerId: org.admin.id,
      strategicObjectiveId,
      weight: overrides.weight ?? 1,
      frequency: "quarterly",
      aggregation: "last",
    })
    .returning();
  if (!kpi) throw new Error("kpi was not created");
  const entries = Object.entries(actuals);
  if (entries.length) {
    await db.insert(kpiActuals).values(
      entries.map(([periodStart, value]) => ({
        organizationId: org.organization.id,
        kpiId: kpi.id,
        periodStart,
        value,
      })),
    );
  }
  return kpi;
}

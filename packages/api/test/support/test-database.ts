import type { Database, DatabaseHandle } from "@meridian/db";
import { createTestDatabase, type TestDatabaseOptions } from "@meridian/db/testing";
import { afterAll, beforeAll } from "vitest";
import { cycleByStatus, keyResultByTitle, objectiveByTitle, seedDemoOrganization } from "./demo";

/** A test database that one test file shares: readable once the file's beforeAll hooks have run. */
export interface LiveTestDatabase {
  readonly db: Database;
}

/** The demo organization, seeded into the file's test database, and its open cycle. */
export interface LiveDemoDatabase extends LiveTestDatabase {
  readonly orgId: string;
  readonly openCycleId: string;
  /** The id of the demo's only objective with this title. */
  objectiveId(title: string): Promise<string>;
  /** The id of the demo's only key result with this title. */
  keyResultId(title: string): Promise<string>;
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is read before the test file's beforeAll ran`);
  return value;
}

/**
 * A fresh, empty test database for this test file: created in beforeAll, closed
 * in afterAll. Call it at the top of the file; beforeAll hooks registered after
 * it run after it and may use it.
 */
export function useTestDatabase(options: TestDatabaseOptions = {}): LiveTestDatabase {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(options);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return {
    get db() {
      return ready(handle, "the test database").db;
    },
  };
}

/** useTestDatabase with the demo organization seeded the way the app seeds it, and its open cycle looked up. */
export function useDemoDatabase(): LiveDemoDatabase {
  const database = useTestDatabase();
  let orgId: string | undefined;
  let openCycleId: string | undefined;
  beforeAll(async () => {
    orgId = await seedDemoOrganization(database.db);
    openCycleId = (await cycleByStatus(database.db, orgId, "open")).id;
  });
  const demo: LiveDemoDatabase = {
    get db() {
      return database.db;
    },
    get orgId() {
      return ready(orgId, "the demo organization");
    },
    get openCycleId() {
      return ready(openCycleId, "the demo's open cycle");
    },
    objectiveId: async (title) => (await objectiveByTitle(demo.db, demo.orgId, title)).id,
    keyResultId: async (title) => (await keyResultByTitle(demo.db, demo.orgId, title)).keyResult.id,
  };
  return demo;
}

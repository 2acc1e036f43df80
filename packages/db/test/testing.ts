import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "../src/client";
import { migrate } from "../src/migrate";

export interface TestDatabaseOptions {
  /** Connections in the server's pool (4 by default); PGlite has one. */
  maxConnections?: number;
  /** The migrations to apply (the committed ones by default): a test of a migration starts before it. */
  migrationsFolder?: string;
}

/**
 * A freshly migrated database of its own for one test file: a new database
 * on the server named by DATABASE_URL, or an in-memory PGlite otherwise.
 * `close()` drops it.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = openDatabase({ pgliteDataDir: "memory://" });
    await migrate(handle.db, options.migrationsFolder);
    return handle;
  }
  const name = `meridian_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), maxConnections: options.maxConnections ?? 4 });
  await migrate(handle.db, options.migrationsFolder);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

// A company of 2,000 people and 20,000 objectives (at scale 1), generated set-based: packages/api/test/bench.
export {
  type CompanySize,
  companySize,
  type SeedCompanyOptions,
  type SeededCompany,
  seedCompany,
} from "./bench/company-size";
// Generated data at benchmark scale, for packages/api/test/bench.
export {
  BENCHMARK_SIZE,
  type LargeOrganizationSize,
  seedLargeOrganization,
} from "./bench/large-organization";
export {
  type LargeScorecardSize,
  SCORECARD_BENCHMARK_SIZE,
  seedLargeScorecard,
} from "./bench/large-scorecard";
export {
  type MarketingSize,
  marketingSize,
  type SeededMarketing,
  type SeedMarketingOptions,
  seedMarketing,
} from "./bench/marketing-size";

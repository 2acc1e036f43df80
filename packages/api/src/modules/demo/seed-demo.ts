import { type Database, eq, organizations } from "@meridian/db";
import { seedDemoIfEmpty as seedDemoRowsIfEmpty } from "@meridian/db/seed";
import { refreshStaleRollups } from "../okr/objective-rollup";
import { seedDemoReview } from "./seed-demo-review";

export interface SeedDemoOptions {
  /** Hashes the demo password (argon2id in the app; the same hash in tests). */
  hashPassword: (password: string) => Promise<string>;
  /** "Today" for the seeded history and the review; tests pin it. */
  now?: Date;
}

/**
 * The one way the demo is seeded, by the app on first start and by tests:
 * on a database without any organization, the demo organization (people,
 * teams, this and last quarter's OKRs, the scorecard) and then last
 * quarter's finalized review. Returns the demo organization's id, or null —
 * having written nothing — when the database already holds data.
 */
export async function seedDemoIfEmpty(db: Database, options: SeedDemoOptions): Promise<string | null> {
  const now = options.now ?? new Date();
  if (!(await seedDemoRowsIfEmpty(db, { hashPassword: options.hashPassword, now }))) return null;
  const [demo] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.isDemo, true))
    .limit(1);
  if (!demo) throw new Error("demo organization missing after seeding");
  // The rows were loaded in bulk: their rollups come before the review's snapshot reads them.
  await refreshStaleRollups(db);
  await seedDemoReview(db, demo.id, now);
  return demo.id;
}

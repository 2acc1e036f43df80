import { hashPassword } from "@meridian/auth/password";
import { and, cycles, type Database, eq, keyResults, objectives, teams, users } from "@meridian/db";
import { seedDemoIfEmpty } from "../../src/modules/demo/seed-demo";

/**
 * "Today" for the seeded check-in history. The routers read the clock
 * themselves, so tests assert nothing that depends on the exact date.
 */
export const SEED_NOW = new Date("2026-11-22T12:00:00Z");

/** The demo accounts, one per role. */
export const DEMO = {
  admin: "admin@example.com",
  manager: "manager@example.com",
  member: "member@example.com",
  viewer: "viewer@example.com",
  /** Engineering lead (role manager). */
  lena: "lena.fischer@example.com",
  /** Engineering member, owns the private objective. */
  ravi: "ravi.patel@example.com",
  /** Engineering member. */
  nina: "nina.park@example.com",
  /** CEO, leads Executive (role manager). */
  priya: "priya.nair@example.com",
} as const;

/** The demo, seeded the way the app seeds it on first start, into a fresh test database. */
export async function seedDemoOrganization(db: Database): Promise<string> {
  const id = await seedDemoIfEmpty(db, { hashPassword, now: SEED_NOW });
  if (!id) throw new Error("the demo is seeded into an empty database only: seed it before anything else");
  return id;
}

export async function userIdOf(db: Database, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`No user ${email}`);
  return row.id;
}

/** A key result by title, with its objective, in the given organization. */
export async function keyResultByTitle(db: Database, organizationId: string, title: string) {
  const rows = await db
    .select({ keyResult: keyResults, objective: objectives })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .where(and(eq(keyResults.organizationId, organizationId), eq(keyResults.title, title)));
  const [row] = rows;
  if (!row || rows.length > 1)
    throw new Error(`Expected exactly one key result titled "${title}", found ${rows.length}`);
  return row;
}

export async function objectiveByTitle(db: Database, organizationId: string, title: string) {
  const rows = await db
    .select()
    .from(objectives)
    .where(and(eq(objectives.organizationId, organizationId), eq(objectives.title, title)));
  const [row] = rows;
  if (!row || rows.length > 1)
    throw new Error(`Expected exactly one objective titled "${title}", found ${rows.length}`);
  return row;
}

export async function teamByName(db: Database, organizationId: string, name: string) {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.organizationId, organizationId), eq(teams.name, name)));
  if (!row) throw new Error(`No team ${name}`);
  return row;
}

export async function cycleByStatus(db: Database, organizationId: string, status: "open" | "closed" | "planning") {
  const [row] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.organizationId, organizationId), eq(cycles.status, status)));
  if (!row) throw new Error(`No ${status} cycle`);
  return row;
}

import { DEMO_PASSWORD } from "@meridian/db/seed";

/** The environment variables that decide the demo; `process.env` by default. */
export interface DemoEnv {
  DATABASE_URL?: string | undefined;
  MERIDIAN_DEMO?: string | undefined;
  /** The older switch: `false` kept the demo out. */
  MERIDIAN_SEED_DEMO?: string | undefined;
  NODE_ENV?: string | undefined;
}

const ON = new Set(["1", "true"]);
const OFF = new Set(["0", "false"]);

/**
 * Whether this process runs in demo mode: it seeds the demo organization into
 * an empty database on start, and the login page lists the demo sign-ins
 * (while the demo organization exists). `MERIDIAN_DEMO=1` or `0` decides;
 * unset, the embedded database (no `DATABASE_URL`) runs the demo, so a fresh
 * checkout opens on data, and a server does not, so a real installation never
 * holds accounts with a published password unless someone asked for them.
 */
export function demoMode(env: DemoEnv = process.env): boolean {
  const asked = env.MERIDIAN_DEMO?.trim().toLowerCase() ?? "";
  if (ON.has(asked)) return true;
  if (OFF.has(asked)) return false;
  if (asked) throw new Error(`MERIDIAN_DEMO must be 1 or 0 (or true or false), not "${env.MERIDIAN_DEMO}".`);
  if (env.MERIDIAN_SEED_DEMO?.trim().toLowerCase() === "false") return false;
  return !env.DATABASE_URL;
}

/**
 * What a production start against a server logs while demo accounts exist
 * (seeded by MERIDIAN_DEMO=1, now or earlier): anyone who reads the README can
 * sign in as them. Null when there is nothing to say.
 */
export function demoWarning(env: DemoEnv, demoAccountsPresent: boolean): string | null {
  if (!demoAccountsPresent || env.NODE_ENV !== "production" || !env.DATABASE_URL) return null;
  const rule = "!".repeat(78);
  return [
    rule,
    "WARNING: this production database holds the demo organization and its demo accounts",
    `(admin@example.com and others), whose password "${DEMO_PASSWORD}" is published in the README.`,
    "Anyone can sign in as them. Unless this server is meant as a public demo, remove the demo",
    "organization (Northwind Labs) and its @example.com users, and start without MERIDIAN_DEMO.",
    rule,
  ].join("\n");
}

import { count, eq, organizations } from "@meridian/db";
import { afterEach, describe, expect, it, vi } from "vitest";
import { anonymousCaller, useTestDatabase } from "../../../test/support";
import { prepareDatabase } from "../../server";
import { type DemoEnv, demoMode, demoWarning } from "./demo-mode";

const SERVER = "postgres://db.internal:5432/meridian";

describe("demoMode: whether a process seeds and lists the demo", () => {
  it.each<[string, DemoEnv, boolean]>([
    ["the embedded database (no DATABASE_URL)", {}, true],
    ["a server (DATABASE_URL set)", { DATABASE_URL: SERVER }, false],
    ["a server asked for the demo with MERIDIAN_DEMO=1", { DATABASE_URL: SERVER, MERIDIAN_DEMO: "1" }, true],
    ["a server asked with MERIDIAN_DEMO=true", { DATABASE_URL: SERVER, MERIDIAN_DEMO: "true" }, true],
    ["the embedded database told MERIDIAN_DEMO=0", { MERIDIAN_DEMO: "0" }, false],
    ["the embedded database told MERIDIAN_DEMO=false", { MERIDIAN_DEMO: "false" }, false],
    ["the embedded database told MERIDIAN_SEED_DEMO=false (the older switch)", { MERIDIAN_SEED_DEMO: "false" }, false],
    ["an empty MERIDIAN_DEMO on a server (unset)", { DATABASE_URL: SERVER, MERIDIAN_DEMO: "" }, false],
    ["an empty DATABASE_URL (the embedded database)", { DATABASE_URL: "" }, true],
  ])("is decided for %s", (_, env, expected) => {
    expect(demoMode(env)).toBe(expected);
  });

  it("refuses a MERIDIAN_DEMO it does not understand, naming the values it takes", () => {
    expect(() => demoMode({ DATABASE_URL: SERVER, MERIDIAN_DEMO: "maybe" })).toThrow(
      'MERIDIAN_DEMO must be 1 or 0 (or true or false), not "maybe".',
    );
  });
});

describe("demoWarning: a production server holding the demo accounts says so", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: SERVER };

  it("warns on a production start against a server while demo accounts exist, whatever the demo mode", () => {
    for (const env of [production, { ...production, MERIDIAN_DEMO: "1" }]) {
      const warning = demoWarning(env, true);
      expect(warning).toMatch(/demo accounts/i);
      expect(warning).toContain("meridian-demo");
    }
  });

  it.each<[string, DemoEnv, boolean]>([
    ["no demo accounts exist", production, false],
    ["it is not a production start", { NODE_ENV: "development", DATABASE_URL: SERVER }, true],
    ["it runs on the embedded database", { NODE_ENV: "production" }, true],
  ])("stays quiet when %s", (_, env, present) => {
    expect(demoWarning(env, present)).toBeNull();
  });
});

describe("prepareDatabase: migrations, the demo when asked, the warning", () => {
  const database = useTestDatabase();
  const demoOrganizations = async () =>
    (await database.db.select({ n: count() }).from(organizations).where(eq(organizations.isDemo, true)))[0]?.n;

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("seeds no demo on a server started without MERIDIAN_DEMO, and the login page lists nobody", async () => {
    const warn = vi.fn();
    await prepareDatabase(database.db, { env: { DATABASE_URL: SERVER, NODE_ENV: "production" }, warn });
    expect(await demoOrganizations()).toBe(0);
    expect(warn).not.toHaveBeenCalled();
    vi.stubEnv("DATABASE_URL", SERVER);
    vi.stubEnv("MERIDIAN_DEMO", "1");
    // Demo mode on, but no demo organization: nobody to list.
    expect((await anonymousCaller(database.db).demo.accounts()).accounts).toEqual([]);
  });

  it("seeds the demo on a server asked for it, and lists its accounts while demo mode is on", async () => {
    await prepareDatabase(database.db, { env: { DATABASE_URL: SERVER, MERIDIAN_DEMO: "1" }, warn: vi.fn() });
    expect(await demoOrganizations()).toBe(1);

    vi.stubEnv("DATABASE_URL", SERVER);
    vi.stubEnv("MERIDIAN_DEMO", "1");
    const listed = await anonymousCaller(database.db).demo.accounts();
    expect(listed.password).toBe("meridian-demo");
    expect(listed.accounts.map((a) => a.role)).toEqual(["admin", "manager", "member", "viewer"]);

    // The same database served without the flag: the accounts exist, the login page does not offer them.
    vi.stubEnv("MERIDIAN_DEMO", "");
    expect(await anonymousCaller(database.db).demo.accounts()).toEqual({ password: null, accounts: [] });
  });

  it("logs a loud warning when a production server starts with the demo accounts present", async () => {
    const warn = vi.fn();
    await prepareDatabase(database.db, { env: { DATABASE_URL: SERVER, NODE_ENV: "production" }, warn });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/demo accounts/i);
    // Started again in development: quiet, and nothing seeded twice.
    const quiet = vi.fn();
    await prepareDatabase(database.db, { env: { DATABASE_URL: SERVER, MERIDIAN_DEMO: "1" }, warn: quiet });
    expect(quiet).not.toHaveBeenCalled();
    expect(await demoOrganizations()).toBe(1);
  });
});

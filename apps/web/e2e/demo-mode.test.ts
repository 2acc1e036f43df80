import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, createServerDatabase, startApp, webRoot } from "./support/app-server";
import { DEMO_PASSWORD } from "./support/browser";

const serverUrl = process.env.DATABASE_URL;

// On PostgreSQL only: the embedded database runs the demo by default (README's first command).
describe.skipIf(!serverUrl)("a server started on PostgreSQL without MERIDIAN_DEMO", () => {
  let app: AppServer | undefined;
  let database: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    database = await createServerDatabase(serverUrl ?? "", "meridian_e2e_plain");
    dataDir = mkdtempSync(path.join(tmpdir(), "meridian-e2e-plain-"));
    // The environment of this run, without any demo switch: a production install as the README starts one.
    const { MERIDIAN_DEMO: _demo, MERIDIAN_SEED_DEMO: _seed, ...env } = process.env;
    app = await startApp(
      { ...env, MERIDIAN_DATA_DIR: dataDir, NEXTAUTH_SECRET: "", DATABASE_URL: database.url },
      "e2e-server-plain.log",
    );
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("shows a login page without demo accounts, holds no demo organization, and warns of nothing", async () => {
    const response = await fetch(`${app?.baseURL}/login`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Sign in");
    for (const demoText of ["Demo accounts", "demo account", "@example.com", DEMO_PASSWORD]) {
      expect(html).not.toContain(demoText);
    }

    const sql = postgres(database?.url ?? "", { max: 1, onnotice: () => {} });
    try {
      const [migrated] = await sql<{ n: number }[]>`select count(*)::int as n from meridian_meta.migrations`;
      expect(migrated?.n).toBeGreaterThan(0);
      const [organizations] = await sql<{ n: number }[]>`select count(*)::int as n from organizations`;
      const [users] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
      expect({ organizations: organizations?.n, users: users?.n }).toEqual({ organizations: 0, users: 0 });
    } finally {
      await sql.end();
    }
    expect(app?.output()).not.toMatch(/demo accounts/i);
  });

  it("leaves the demo to the instance that asked for it, which warns as a production server holding it", () => {
    // The suite's own instance (global-setup) runs `next start` (production) with MERIDIAN_DEMO=1 on this server.
    const log = readFileSync(path.resolve(webRoot, "../../artifacts/e2e-server.log"), "utf8");
    expect(log).toMatch(/WARNING: this production database holds the demo organization and its demo accounts/);
  });
});

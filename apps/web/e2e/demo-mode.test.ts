import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, createServerDatabase, startApp, webRoot } from "./support/app-server";
import { DEMO_PASSWORD } from "./support/browser";

const serverUrl = process.env.DATABASE_URL ?? "";
const WARNING = "WARNING: this production database holds the demo organization and its demo accounts";

/**
 * One more instance of the built app, started as global-setup starts the suite's, on a new database of
 * its own, as a production start (`NODE_ENV=production`) whose only demo switch is `demo`.
 */
function appOnNewDatabase(name: string, demo: { MERIDIAN_DEMO?: string }) {
  const started: { app?: AppServer; database?: Awaited<ReturnType<typeof createServerDatabase>> } = {};
  beforeAll(async () => {
    started.database = await createServerDatabase(serverUrl, `meridian_e2e_${name}`);
    started.app = await startApp({
      databaseUrl: started.database.url,
      logFile: path.resolve(webRoot, "../../artifacts", `e2e-server-${name}.log`),
      env: { ...demo, NODE_ENV: "production" },
      // Its only demo switch is `demo`: none inherited, none by default.
      unset: ["MERIDIAN_DEMO", "MERIDIAN_SEED_DEMO"].filter((name) => !(name in demo)),
    });
  });
  afterAll(async () => {
    await started.app?.stop();
    await started.database?.drop();
  });
  return {
    app: () => started.app as AppServer,
    async count(table: "organizations" | "users", where = "true") {
      const sql = postgres(started.database?.url ?? "", { max: 1, onnotice: () => {} });
      try {
        const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table} where ${where}`);
        return row?.n;
      } finally {
        await sql.end();
      }
    },
  };
}

async function loginPage(app: AppServer): Promise<string> {
  const response = await fetch(`${app.baseURL}/login`);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain("Sign in");
  return html;
}

// On PostgreSQL only: the embedded database runs the demo by default (README's first command).
describe.skipIf(!serverUrl)("a server started on PostgreSQL without MERIDIAN_DEMO", () => {
  const plain = appOnNewDatabase("plain", {});

  it("shows a login page without demo accounts, holds no demo organization, and warns of nothing", async () => {
    const html = await loginPage(plain.app());
    for (const demoText of ["Demo accounts", "demo account", "@example.com", DEMO_PASSWORD]) {
      expect(html).not.toContain(demoText);
    }
    expect(await plain.count("organizations")).toBe(0);
    expect(await plain.count("users")).toBe(0);
    expect(plain.app().output()).not.toContain(WARNING);
  });
});

describe.skipIf(!serverUrl)("a production server started on PostgreSQL with MERIDIAN_DEMO=1", () => {
  const demo = appOnNewDatabase("demo", { MERIDIAN_DEMO: "1" });

  it("seeds the demo, lists its accounts on the login page, and logs the loud warning", async () => {
    const html = await loginPage(demo.app());
    expect(html).toContain("Demo accounts");
    expect(html).toContain("admin@example.com");
    expect(await demo.count("organizations", "is_demo")).toBe(1);
    expect(demo.app().output()).toContain(WARNING);
  });
});

import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { type AppServer, createServerDatabase, startApp } from "./support/app-server";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

/** The exit code of the app, once it has exited (15 s at most). */
function exitOf(app: AppServer): Promise<number | null> {
  if (app.process.exitCode !== null) return Promise.resolve(app.process.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no exit within 15 s:\n${app.output()}`)), 15_000);
    app.process.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe("graceful shutdown", () => {
  const started: AppServer[] = [];
  afterAll(async () => {
    for (const app of started) await app.stop();
  });

  it("exits 0 on SIGTERM after closing the database (PGlite or server)", async () => {
    const database = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
    try {
      const app = await startApp({ databaseUrl: database?.url ?? "" });
      started.push(app);
      app.process.kill("SIGTERM");
      expect(await exitOf(app)).toBe(0);
      expect(app.output()).toContain('"msg":"database closed; exiting"');
    } finally {
      await database?.drop();
    }
  });

  const serverUrl = process.env.DATABASE_URL;
  it.skipIf(!serverUrl)(
    "answers a request in flight when SIGTERM arrives, then exits 0 with the pool closed",
    async () => {
      const database = await createServerDatabase(serverUrl as string, "meridian_shutdown");
      const target = new URL(serverUrl as string);
      let proxy: TcpProxy | undefined;
      const admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} });
      try {
        proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
        const app = await startApp({ databaseUrl: proxy.urlFor(database.url) });
        started.push(app);
        // Every database round trip now takes 1.5 s each way: the request below is surely in flight.
        proxy.delay(1_500);
        const inFlight = fetch(`${app.baseURL}/api/trpc/demo.accounts`, { signal: AbortSignal.timeout(20_000) });
        await new Promise((r) => setTimeout(r, 500));
        app.process.kill("SIGTERM");
        const response = await inFlight;
        expect(response.status).toBe(200);
        expect(await response.json()).toHaveProperty("result.data");
        expect(await exitOf(app)).toBe(0);
        expect(app.output()).toContain('"msg":"database closed; exiting"');
        const [left] = await admin<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where datname = ${database.name}`;
        expect(left?.n).toBe(0);
      } finally {
        await admin.end();
        await proxy?.close();
        await database.drop();
      }
    },
  );
});

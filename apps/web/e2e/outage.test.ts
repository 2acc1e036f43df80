import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, createServerDatabase, startApp } from "./support/app-server";
import { DEMO_PASSWORD } from "./support/browser";
import { HttpSession } from "./support/http-session";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

/*
 * A database outage, on a server of its own: the app reaches PostgreSQL
 * through a TCP proxy that the test cuts (every connection dropped, new ones
 * refused, as while the server restarts) and restores. The shared server is
 * never restarted, so other suites using it carry on. Needs DATABASE_URL
 * (PGlite runs inside the app's process and has no outage of this kind).
 */
const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)("a database outage", () => {
  let proxy: TcpProxy;
  let app: AppServer;
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  let admin: HttpSession;

  beforeAll(async () => {
    database = await createServerDatabase(serverUrl as string, "meridian_outage");
    const target = new URL(serverUrl as string);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    app = await startApp({ databaseUrl: proxy.urlFor(database.url) });
    admin = new HttpSession({}, app.baseURL);
    expect(await admin.signIn("admin@example.com", DEMO_PASSWORD)).toBeNull();
  });
  afterAll(async () => {
    await app?.stop();
    await proxy?.close();
    await database?.drop();
  });

  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const result = await work();
    return { result, ms: performance.now() - started };
  };
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${app.baseURL}${path}`, { headers, signal: AbortSignal.timeout(15_000) });

  it("answers 503 within seconds while the database is gone, and serves again within 2 s of its return", async () => {
    expect((await get("/api/ready")).status).toBe(200);
    expect((await admin.query("me.get")).status).toBe(200);

    proxy.cut();
    try {
      // An API call: our 503 with Retry-After, quickly, not a 500 after 10–20 s.
      const call = await timed(() => admin.fetch("/api/trpc/me.get"));
      expect(call.result.status).toBe(503);
      expect(call.ms).toBeLessThan(4_000);
      expect(call.result.headers.get("retry-after")).toBe("5");
      const body = (await call.result.json()) as { error: { message: string; data: { code: string } } };
      expect(body.error.data.code).toBe("SERVICE_UNAVAILABLE");
      expect(body.error.message).toMatch(/briefly unavailable/);

      // A write is refused the same way, and says so.
      const write = await admin.mutate("cycles.create", {
        name: "Outage cycle",
        startsOn: "2027-01-01",
        endsOn: "2027-03-31",
      });
      expect(write.status).toBe(503);

      // Readiness fails fast; liveness does not depend on the database.
      const ready = await timed(() => get("/api/ready"));
      expect(ready.result.status).toBe(503);
      expect(ready.result.headers.get("retry-after")).toBe("5");
      expect(await ready.result.json()).toMatchObject({ ready: false, database: "down" });
      expect(ready.ms).toBeLessThan(4_000);
      expect((await get("/api/health")).status).toBe(200);
    } finally {
      await proxy.restore();
    }

    const back = performance.now();
    let recoveredMs = Number.POSITIVE_INFINITY;
    while (performance.now() - back < 10_000) {
      if ((await admin.query("me.get")).status === 200) {
        recoveredMs = performance.now() - back;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(recoveredMs).toBeLessThan(2_000);
    // Every connection the pool holds now works: none of the broken ones is reused.
    for (let i = 0; i < 12; i++) expect((await admin.query("me.get")).status).toBe(200);
    expect((await get("/api/ready")).status).toBe(200);
  });

  it("answers a browser with our own 503 page, for a route and then for pages, until the database is back", async () => {
    proxy.cut();
    try {
      const response = await fetch(`${app.baseURL}/api/ingest/actuals`, {
        method: "POST",
        headers: {
          accept: "text/html",
          authorization: `Bearer mrd_${"x".repeat(43)}`,
          "content-type": "application/json",
        },
        body: "{}",
        signal: AbortSignal.timeout(15_000),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toMatch(/text\/html/);
      expect(await response.text()).toMatch(/Meridian is briefly unavailable/);

      // The app now knows the database is down: a page is our 503 page at once, not a failed render.
      const page = await timed(() => admin.fetch("/dashboard", { headers: { accept: "text/html" } }));
      expect(page.result.status).toBe(503);
      expect(page.result.headers.get("retry-after")).toBe("5");
      expect(page.result.headers.get("x-request-id")).toBeTruthy();
      expect(await page.result.text()).toMatch(/Meridian is briefly unavailable/);
      expect(page.ms).toBeLessThan(1_000);
    } finally {
      await proxy.restore();
    }
    // A probe finds the database back within a second or so, and pages render again.
    const back = performance.now();
    let status = 0;
    while (performance.now() - back < 5_000) {
      status = (await admin.fetch("/dashboard", { headers: { accept: "text/html" } })).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect(performance.now() - back).toBeLessThan(3_000);
  });
});

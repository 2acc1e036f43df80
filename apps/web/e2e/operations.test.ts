import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { baseURL } from "./support/browser";
import { HttpSession } from "./support/http-session";
import { adminSession } from "./support/people";

// What a load balancer and an operator see of the shared app (PGlite, or the server of DATABASE_URL).
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${baseURL()}${path}`, { headers, redirect: "manual", signal: AbortSignal.timeout(10_000) });

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

interface LogLine {
  level: string;
  msg: string;
  reqId?: string;
  method?: string;
  path?: string;
  status?: number;
  ms?: number;
}

function logText(): string {
  return readFileSync(inject("serverLogFile"), "utf8");
}

function logLines(): LogLine[] {
  return logText()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as LogLine);
}

/** The access line of the request `reqId` (to `path`, if given), once the server has written it (15 s at most). */
async function accessLine(reqId: string, path?: string): Promise<LogLine> {
  const matches = (l: LogLine) => l.reqId === reqId && l.msg === "request" && (!path || l.path === path);
  await expect.poll(() => logLines().some(matches)).toBe(true);
  return logLines().find(matches) as LogLine;
}

describe("health and readiness", () => {
  it("/api/health answers without asking the database", async () => {
    const response = await get("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("/api/ready is 200 with the database up and every migration applied", async () => {
    const response = await get("/api/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ready: true, database: "up", pendingMigrations: 0 });
  });
});

describe("request ids", () => {
  it("are kept when sane, returned in the response, and carried by the request's log line", async () => {
    const id = unique("lb");
    const response = await get("/api/health", { "x-request-id": id });
    expect(response.headers.get("x-request-id")).toBe(id);
    const line = await accessLine(id);
    expect(line).toMatchObject({ level: "info", method: "GET", path: "/api/health", status: 200 });
    expect(typeof line.ms).toBe("number");
  });

  it("are replaced when long or unsafe, on pages as on the API", async () => {
    for (const path of ["/api/health", "/login"]) {
      for (const bad of ["x".repeat(200), "two words", "<script>"]) {
        const response = await get(path, { "x-request-id": bad });
        const id = response.headers.get("x-request-id");
        expect(id, `${path} ${bad}`).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect((await get(path)).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("logs", () => {
  it("are JSON lines with level, time and message", () => {
    const lines = logLines();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => typeof l.level === "string" && typeof l.msg === "string")).toBe(true);
  });

  it("never hold the password of a failed sign-in, nor its form fields", async () => {
    const id = unique("signin");
    const password = `Leak-Me-Not-${Date.now()}`;
    const client = new HttpSession({ "x-request-id": id, "x-forwarded-for": "198.51.100.201" });
    expect(await client.signIn("admin@example.com", password)).toBe("CredentialsSignin");
    // The sign-in is two requests (the CSRF token, then the form), both under the id the client sent.
    const line = await accessLine(id, "/api/auth/callback/credentials");
    expect(line).toMatchObject({ method: "POST" });
    expect(logText()).not.toContain(password);
    expect(logText()).not.toContain("csrfToken=");
  });

  it("never hold a bearer token, a session cookie or the query string", async () => {
    const id = unique("ingest");
    const token = `mrd_${`leakcheck${Date.now()}`.padEnd(43, "x")}`;
    const response = await fetch(`${baseURL()}/api/ingest/actuals?secret=${token}q`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-request-id": id },
      body: JSON.stringify({ actuals: [] }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(401);
    expect((await accessLine(id)).path).toBe("/api/ingest/actuals");

    const admin = await adminSession();
    const cookie = admin.sessionCookie as string;
    const signedIn = new HttpSession({ "x-request-id": unique("me") });
    signedIn.cookies.set("next-auth.session-token", cookie);
    expect((await signedIn.query("me.get")).status).toBe(200);
    const text = logText();
    expect(text).not.toContain(token);
    expect(text).not.toContain(cookie.slice(0, 40));
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { baseURL } from "./support/browser";
import { HttpSession } from "./support/http-session";
import { adminSession } from "./support/people";

// Issue 11: the Origin check compared the host only and trusted X-Forwarded-Host, so an
// https:// page, or any page with a matching forwarded host, could make a signed-in user's
// browser mutate. The whole origin (scheme, host, port) must equal the app's configured
// address (NEXTAUTH_URL), whatever the forwarded headers say.

let admin: HttpSession;
beforeAll(async () => {
  admin = await adminSession();
});

/** Origins that are not the app's, each with the headers a forger would add. */
function foreignOrigins(): [label: string, headers: Record<string, string>][] {
  const app = new URL(baseURL());
  return [
    ["https:// on the same host and port", { origin: `https://${app.host}` }],
    ["another port", { origin: `http://${app.hostname}:1` }],
    ["another host name for the same server", { origin: `http://localhost:${app.port}` }],
    [
      "a foreign origin with a matching X-Forwarded-Host",
      { origin: "http://evil.test", "x-forwarded-host": "evil.test" },
    ],
    [
      "a foreign origin with matching forwarded host and scheme",
      { origin: "https://evil.test", "x-forwarded-host": "evil.test", "x-forwarded-proto": "https" },
    ],
    [
      "the app's host as X-Forwarded-Host beside a foreign origin",
      { origin: "http://evil.test", "x-forwarded-host": app.host },
    ],
    ["an opaque origin", { origin: "null" }],
    ["no Origin at all", {}],
  ];
}

async function createToken(session: HttpSession, name: string, headers: Record<string, string>) {
  const response = await session.fetch("/api/trpc/apiTokens.create", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ name, scopes: ["kpis:write"] }),
  });
  return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
}

async function tokenNames(): Promise<string[]> {
  const list = await admin.query("apiTokens.list");
  expect(list.status).toBe(200);
  return (list.data as { name: string }[]).map((t) => t.name);
}

describe("a mutation from anywhere but the app's own origin", () => {
  it("is refused with 403 on /api/trpc, and changes nothing", async () => {
    for (const [label, headers] of foreignOrigins()) {
      const name = `Forged ${label} ${Date.now().toString(36)}`.slice(0, 80);
      const reply = await createToken(admin, name, headers);
      expect(reply.status, label).toBe(403);
      expect(reply.body.error?.message, label).toBe("Cross-origin requests are not accepted.");
      expect(await tokenNames(), label).not.toContain(name);
    }
  });

  it("is accepted from the app's own origin", async () => {
    const name = `Same origin ${Date.now().toString(36)}`;
    expect((await createToken(admin, name, { origin: baseURL() })).status).toBe(200);
    expect(await tokenNames()).toContain(name);
  });

  it("is refused with 403 on /api/organization", async () => {
    const me = await admin.query("me.get");
    const organizationId = (me.data as { organization: { id: string } }).organization.id;
    for (const [label, headers] of foreignOrigins()) {
      const response = await admin.fetch("/api/organization", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ organizationId }),
      });
      expect(response.status, label).toBe(403);
      expect(response.headers.getSetCookie().join(";"), label).not.toContain("meridian-org=");
    }
    const same = await admin.fetch("/api/organization", {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL() },
      body: JSON.stringify({ organizationId }),
    });
    expect(same.status).toBe(200);
  });

  it("next-auth's own routes refuse a post without their CSRF token", async () => {
    // Sign-in without the token: no session.
    const visitor = new HttpSession();
    await visitor.fetch("/api/auth/csrf");
    const signIn = await visitor.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://evil.test" },
      body: new URLSearchParams({ email: "admin@example.com", password: "meridian-demo", json: "true" }),
    });
    expect(signIn.status).toBeLessThan(500);
    expect(visitor.sessionCookie).toBeUndefined();
    expect((await visitor.query("me.get")).status).toBe(401);

    // Sign-out without the token: the session lives on.
    const session = await adminSession();
    await session.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://evil.test" },
      body: new URLSearchParams({ json: "true" }),
    });
    expect((await session.query("me.get")).status).toBe(200);
  });
});

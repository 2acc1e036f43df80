import { describe, expect, it } from "vitest";
import { checkMutationOrigin, configuredOrigin } from "./request-guard";

const APP = "http://meridian.test:3000";
const post = (headers: Record<string, string>) =>
  new Request(`${APP}/api/trpc/cycles.open`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
  });

describe("configuredOrigin", () => {
  it("is the origin of NEXTAUTH_URL, or null when it is missing or not a URL", () => {
    expect(configuredOrigin({ NEXTAUTH_URL: "https://okr.example.com/some/path" })).toBe("https://okr.example.com");
    expect(configuredOrigin({ NEXTAUTH_URL: "http://localhost:80" })).toBe("http://localhost");
    expect(configuredOrigin({})).toBeNull();
    expect(configuredOrigin({ NEXTAUTH_URL: "not a url" })).toBeNull();
  });
});

describe("checkMutationOrigin", () => {
  it("lets the app's own origin through, and reads never need one", () => {
    expect(checkMutationOrigin(post({ origin: APP }), APP)).toBeNull();
    expect(checkMutationOrigin(new Request(`${APP}/api/trpc/me.get`), APP)).toBeNull();
  });

  it("refuses another scheme, host or port, whatever the forwarded headers say", () => {
    const forged: Record<string, string>[] = [
      { origin: "https://meridian.test:3000" },
      { origin: "http://meridian.test:3001" },
      { origin: "http://meridian.test" },
      { origin: "http://evil.test", "x-forwarded-host": "evil.test" },
      { origin: "http://evil.test", "x-forwarded-host": "meridian.test:3000", host: "meridian.test:3000" },
      { origin: "null" },
      {},
    ];
    for (const headers of forged) {
      expect(checkMutationOrigin(post(headers), APP)?.status, JSON.stringify(headers)).toBe(403);
    }
  });

  it("refuses a body that is not JSON, and every change when the app's address is not configured", () => {
    const form = new Request(`${APP}/api/trpc/cycles.open`, {
      method: "POST",
      headers: { origin: APP, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(checkMutationOrigin(form, APP)?.status).toBe(415);
    expect(checkMutationOrigin(post({ origin: APP }), null)?.status).toBe(500);
  });
});

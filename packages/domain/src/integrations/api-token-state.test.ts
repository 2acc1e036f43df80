import { describe, expect, it } from "vitest";
import { apiTokenLastDay, apiTokenState } from "./api-token-state";

describe("apiTokenState", () => {
  const midnight = new Date("2026-12-05T00:00:00Z");
  it("is active until its expiry, expired from that instant, and revoked whatever its expiry", () => {
    expect(apiTokenState({ revokedAt: null, expiresAt: null })).toBe("active");
    expect(apiTokenState({ revokedAt: null, expiresAt: midnight }, midnight.getTime() - 1)).toBe("active");
    expect(apiTokenState({ revokedAt: null, expiresAt: midnight }, midnight.getTime())).toBe("expired");
    expect(apiTokenState({ revokedAt: null, expiresAt: midnight.toISOString() }, midnight.getTime() + 1)).toBe(
      "expired",
    );
    expect(apiTokenState({ revokedAt: "2026-12-01T10:00:00Z", expiresAt: midnight }, midnight.getTime() + 1)).toBe(
      "revoked",
    );
  });

  it("names the last day a token works: the day before the midnight it stops at", () => {
    expect(apiTokenLastDay(midnight)).toBe("2026-12-04");
    expect(apiTokenLastDay("2027-01-01T00:00:00.000Z")).toBe("2026-12-31");
  });
});

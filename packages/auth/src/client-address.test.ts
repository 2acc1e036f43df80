import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("reads x-forwarded-for from a plain header object and from a Headers instance", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "X-Forwarded-For": "203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("takes the last x-forwarded-for entry, the one our own proxy appended, not what the client sent", () => {
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" })).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "spoofed, also-spoofed,  198.51.100.2 " }))).toBe(
      "198.51.100.2",
    );
  });

  it("reads the first value of a repeated header", () => {
    expect(clientAddress({ "x-forwarded-for": ["203.0.113.9", "198.51.100.2"] })).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": [42] })).toBeNull();
  });

  it("falls back to x-real-ip when x-forwarded-for is missing or empty", () => {
    expect(clientAddress({ "x-real-ip": " 198.51.100.7 " })).toBe("198.51.100.7");
    expect(clientAddress({ "x-forwarded-for": "", "x-real-ip": "198.51.100.7" })).toBe("198.51.100.7");
    expect(clientAddress({ "x-forwarded-for": " , ", "x-real-ip": "198.51.100.7" })).toBe("198.51.100.7");
  });

  it("keeps IPv6 addresses whole", () => {
    expect(clientAddress({ "x-forwarded-for": "2001:db8::1" })).toBe("2001:db8::1");
  });

  it("caps the address at 64 characters, so a client cannot grow the throttle table's keys", () => {
    expect(clientAddress({ "x-forwarded-for": "a".repeat(500) })).toBe("a".repeat(64));
  });

  it("is null when nothing tells", () => {
    expect(clientAddress(undefined)).toBeNull();
    expect(clientAddress({})).toBeNull();
    expect(clientAddress(new Headers())).toBeNull();
    expect(clientAddress({ "x-forwarded-for": 12, "x-real-ip": null })).toBeNull();
    expect(clientAddress({ "x-real-ip": "   " })).toBeNull();
  });
});

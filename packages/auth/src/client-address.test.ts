import { describe, expect, it } from "vitest";
import { clientAddress, NO_TRUSTED_PROXIES, parseTrustedProxies } from "./client-address";

const xff = (value: string) => ({ "x-forwarded-for": value });

describe("clientAddress without trusted proxies (the app exposed directly)", () => {
  it("is the last x-forwarded-for entry: the connection's address, appended by the launcher or filled in by Next.js", () => {
    expect(clientAddress(xff("203.0.113.9"))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "X-Forwarded-For": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(xff("1.2.3.4, 203.0.113.9"), NO_TRUSTED_PROXIES)).toBe("203.0.113.9");
  });

  it("never believes what the client wrote before it: 80 made-up addresses from one connection are one address", () => {
    const seen = new Set(
      Array.from({ length: 80 }, (_, i) => clientAddress(xff(`10.0.0.${i}, 198.51.100.2`), NO_TRUSTED_PROXIES)),
    );
    expect([...seen]).toEqual(["198.51.100.2"]);
  });

  it("ignores x-real-ip, which any client can send", () => {
    expect(clientAddress({ "x-real-ip": "198.51.100.7" })).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "", "x-real-ip": "198.51.100.7" })).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "198.51.100.2", "x-real-ip": "198.51.100.7" })).toBe("198.51.100.2");
  });

  it("reads IPv4-mapped IPv6 connection addresses as IPv4, and keeps IPv6 whole", () => {
    expect(clientAddress(xff("::ffff:127.0.0.1"))).toBe("127.0.0.1");
    expect(clientAddress(xff("2001:db8::1"))).toBe("2001:db8::1");
  });

  it("caps the address at 64 characters, so a client cannot grow the throttle table's keys", () => {
    expect(clientAddress(xff("a".repeat(500)))).toBe("a".repeat(64));
  });

  it("reads the first value of a repeated header, and is null when nothing tells", () => {
    expect(clientAddress({ "x-forwarded-for": ["203.0.113.9", "198.51.100.2"] })).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": [42] })).toBeNull();
    expect(clientAddress(undefined)).toBeNull();
    expect(clientAddress({})).toBeNull();
    expect(clientAddress(new Headers())).toBeNull();
    expect(clientAddress(xff(" , "))).toBeNull();
  });
});

describe("clientAddress behind trusted proxies", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, ::1, fd00::/8");

  it("skips the trusted hops from the right and takes the first address that is not one", () => {
    expect(clientAddress(xff("203.0.113.9, 10.1.2.3"), trusted)).toBe("203.0.113.9");
    expect(clientAddress(xff("spoofed, 203.0.113.9, 192.168.1.5, 10.1.2.3"), trusted)).toBe("203.0.113.9");
    expect(clientAddress(xff("203.0.113.9, fd00::7, ::1"), trusted)).toBe("203.0.113.9");
    expect(clientAddress(xff("203.0.113.9, ::ffff:10.0.0.1"), trusted)).toBe("203.0.113.9");
  });

  it("counts the connection itself when it is no trusted proxy, whatever the forwarded header says", () => {
    expect(clientAddress(xff("10.1.2.3, 198.51.100.50"), trusted)).toBe("198.51.100.50");
    expect(clientAddress(xff("192.168.1.6"), trusted)).toBe("192.168.1.6");
  });

  it("falls back to the leftmost address when every hop is trusted", () => {
    expect(clientAddress(xff("10.0.0.2, 10.0.0.1"), trusted)).toBe("10.0.0.2");
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses and CIDR ranges, IPv4 and IPv6, comma-separated with spaces", () => {
    const list = parseTrustedProxies(" 127.0.0.1 ,10.0.0.0/8,::1, 2001:db8::/32 ");
    expect(list.has("127.0.0.1")).toBe(true);
    expect(list.has("::ffff:127.0.0.1")).toBe(true);
    expect(list.has("10.255.0.1")).toBe(true);
    expect(list.has("11.0.0.1")).toBe(false);
    expect(list.has("::1")).toBe(true);
    expect(list.has("2001:db8:1::5")).toBe(true);
    expect(list.has("2001:db9::5")).toBe(false);
    expect(list.has("not an address")).toBe(false);
  });

  it("is empty when unset or blank", () => {
    expect(parseTrustedProxies(undefined).has("127.0.0.1")).toBe(false);
    expect(parseTrustedProxies("  ").has("127.0.0.1")).toBe(false);
  });

  it("refuses anything else, naming it, so a typo cannot silently trust nobody (or everybody)", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow(
      'TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range',
    );
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow('TRUSTED_PROXIES: "10.0.0.0/33"');
    expect(() => parseTrustedProxies("0.0.0.0/0x")).toThrow("TRUSTED_PROXIES");
  });
});

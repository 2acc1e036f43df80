import { BlockList, isIP } from "node:net";

/**
 * The proxies whose X-Forwarded-For entries we believe (`TRUSTED_PROXIES`:
 * comma-separated addresses and CIDR ranges). Nobody's, by default.
 */
export interface TrustedProxies {
  has(address: string): boolean;
}

export const NO_TRUSTED_PROXIES: TrustedProxies = { has: () => false };

/** "::ffff:10.0.0.1", how a dual-stack socket reports an IPv4 peer, is 10.0.0.1. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** Parses `TRUSTED_PROXIES`; an entry that is neither an address nor a CIDR range is refused at start-up. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return NO_TRUSTED_PROXIES;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    const maxBits = family === 4 ? 32 : 128;
    if (family === 0 || rest.length > 0 || (bits !== null && !(bits >= 0 && bits <= maxBits))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (such as 10.0.0.0/8 or ::1).`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === null) list.addAddress(normalize(address), type);
    else list.addSubnet(normalize(address), bits, type);
  }
  return {
    has(candidate: string) {
      const address = normalize(candidate);
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The client's address for the per-address sign-in limits.
 *
 * The last X-Forwarded-For entry is the address of the connection itself:
 * the launcher (`scripts/serve.mjs`) appends it to whatever the client sent,
 * and Next.js fills the header from the connection when it is absent. Walking
 * from there to the left, an entry counts as the client unless it is a
 * trusted proxy, in which case the entry before it is what that proxy saw.
 * So without TRUSTED_PROXIES the connection's address counts, and anything a
 * client writes into the header is ignored. X-Real-IP is never read: any
 * client can send it.
 */
export function clientAddress(
  headers: Record<string, unknown> | Headers | undefined,
  trusted: TrustedProxies = NO_TRUSTED_PROXIES,
): string | null {
  if (!headers) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string") return null;
  const hops = value
    .split(",")
    .map((hop) => normalize(hop.trim()))
    .filter(Boolean);
  let index = hops.length - 1;
  while (index > 0 && trusted.has(hops[index] ?? "")) index--;
  const address = hops[index];
  return address ? address.slice(0, 64) : null;
}

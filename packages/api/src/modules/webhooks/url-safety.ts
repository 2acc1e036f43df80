import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/*
 * A webhook URL is fetched by the server, so a URL pointing inside the
 * server's own network (loopback, the private ranges, a cloud's metadata
 * address) would let an admin probe or call what only the server can reach
 * (SSRF). Such addresses are refused when the endpoint is saved and again
 * just before each delivery, because a name can resolve elsewhere later.
 */

const blocked = new BlockList();
// IPv4: "this network", private, CGNAT, loopback, link-local (and the metadata address in it),
// the IETF protocol block, the documentation and benchmarking nets, multicast and reserved.
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
// IPv6: unspecified, loopback, NAT64 of private space is caught through the mapped form below,
// unique-local, link-local, site-local (deprecated), multicast, documentation, and AWS's IPv6 metadata address.
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["fd00:ec2::254", 128],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address (`::ffff:10.0.0.1`), else null. */
function embeddedIPv4(address: string): string | null {
  const match = /^::(?:ffff:(?:0:)?)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match?.[1]) return match[1];
  // The same written in hex groups: ::ffff:7f00:1
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex?.[1] && hex[2]) {
    const hi = Number.parseInt(hex[1], 16);
    const lo = Number.parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** Whether an IP address (v4 or v6, as text) is one a webhook may not be sent to. Anything not an address is refused. */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, "ipv4");
  if (family === 6) {
    const v4 = embeddedIPv4(bare);
    if (v4) return blocked.check(v4, "ipv4");
    return blocked.check(bare, "ipv6");
  }
  return true;
}

/** Private addresses are allowed in development, and where the operator says so (tests, an intranet install). */
export function privateAddressesAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV === "development" || env.MERIDIAN_WEBHOOKS_ALLOW_PRIVATE === "1";
}

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Why a webhook URL may not be used, in words for the admin, or null when it
 * may. The host is checked as written and as it resolves now: every address
 * it resolves to must be public.
 */
export async function unsafeUrlReason(
  url: string,
  options: { env?: Record<string, string | undefined>; resolve?: Resolver } = {},
): Promise<string | null> {
  if (privateAddressesAllowed(options.env)) return null;
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return "That is not a URL.";
  }
  if (host === "" || /^localhost$|\.localhost$/i.test(host.replace(/\.$/, ""))) {
    return "Webhooks cannot be sent to this server itself (localhost).";
  }
  if (isIP(host)) {
    return isForbiddenAddress(host)
      ? `Webhooks cannot be sent to ${host}: it is a private, loopback or reserved address.`
      : null;
  }
  let addresses: string[];
  try {
    addresses = await (options.resolve ?? systemResolver)(host);
  } catch {
    return `The host ${host} could not be found.`;
  }
  if (addresses.length === 0) return `The host ${host} could not be found.`;
  const bad = addresses.find(isForbiddenAddress);
  return bad
    ? `Webhooks cannot be sent to ${host}: it resolves to ${bad}, a private, loopback or reserved address.`
    : null;
}

import { describe, expect, it } from "vitest";
import { isForbiddenAddress, privateAddressesAllowed, unsafeUrlReason } from "./url-safety";

const strict = { env: { NODE_ENV: "production" } };

describe("isForbiddenAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private 10/8"],
    ["172.16.0.1", "private 172.16/12"],
    ["172.31.255.254", "private 172.16/12"],
    ["192.168.1.10", "private 192.168/16"],
    ["169.254.169.254", "link-local, the cloud metadata address"],
    ["100.64.0.1", "CGNAT"],
    ["100.127.255.255", "CGNAT"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::", "IPv6 unspecified"],
    ["::1", "IPv6 loopback"],
    ["fd12:3456::1", "unique-local"],
    ["fc00::1", "unique-local"],
    ["fe80::1", "IPv6 link-local"],
    ["fe80::1%eth0", "IPv6 link-local with a zone"],
    ["fd00:ec2::254", "the AWS IPv6 metadata address"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback in hex"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["[::1]", "bracketed IPv6 loopback"],
    ["not an address", "not an address at all"],
  ])("refuses %s (%s)", (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.15.255.255",
    "172.32.0.1",
    "100.63.255.255",
    "100.128.0.1",
    "192.169.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
  ])("allows the public address %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe("unsafeUrlReason", () => {
  const resolvesTo =
    (...addresses: string[]) =>
    async () =>
      addresses;

  it("refuses loopback, private and metadata hosts written as addresses or names", async () => {
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://[::1]/hook",
      "http://169.254.169.254/latest/meta-data",
      "https://10.0.0.5/hook",
      "http://localhost:3000/hook",
      "http://api.localhost/hook",
    ]) {
      expect(await unsafeUrlReason(url, strict), url).toMatch(/cannot be sent/);
    }
  });

  it("refuses a name when any of its addresses is private", async () => {
    const reason = await unsafeUrlReason("https://hooks.example.com/x", {
      ...strict,
      resolve: resolvesTo("93.184.216.34", "10.0.0.7"),
    });
    expect(reason).toBe(
      "Webhooks cannot be sent to hooks.example.com: it resolves to 10.0.0.7, a private, loopback or reserved address.",
    );
  });

  it("allows a name whose every address is public, and says so when a name does not resolve", async () => {
    expect(
      await unsafeUrlReason("https://hooks.example.com/x", { ...strict, resolve: resolvesTo("93.184.216.34") }),
    ).toBeNull();
    const missing = await unsafeUrlReason("https://nowhere.example.com/x", {
      ...strict,
      resolve: async () => {
        throw new Error("ENOTFOUND");
      },
    });
    expect(missing).toBe("The host nowhere.example.com could not be found.");
  });

  it("allows private addresses in development or with MERIDIAN_WEBHOOKS_ALLOW_PRIVATE=1, and only then", async () => {
    expect(privateAddressesAllowed({ NODE_ENV: "development" })).toBe(true);
    expect(privateAddressesAllowed({ NODE_ENV: "production", MERIDIAN_WEBHOOKS_ALLOW_PRIVATE: "1" })).toBe(true);
    expect(privateAddressesAllowed({ NODE_ENV: "production", MERIDIAN_WEBHOOKS_ALLOW_PRIVATE: "true" })).toBe(false);
    expect(privateAddressesAllowed({ NODE_ENV: "test" })).toBe(false);
    expect(await unsafeUrlReason("http://127.0.0.1/hook", { env: { NODE_ENV: "development" } })).toBeNull();
  });
});

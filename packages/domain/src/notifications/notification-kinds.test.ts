import { describe, expect, it } from "vitest";
import { channelEnabled, NOTIFICATION_KIND_INFO, NOTIFICATION_KINDS } from "./notification-kinds";

describe("channelEnabled", () => {
  it("takes the person's choice over the organization's and the catalog's", () => {
    const org = [{ kind: "mention" as const, channel: "email" as const, enabled: false }];
    const mine = [{ kind: "mention" as const, channel: "email" as const, enabled: true }];
    expect(channelEnabled("mention", "email", mine, org)).toBe(true);
    expect(channelEnabled("mention", "email", [], org)).toBe(false);
    expect(channelEnabled("mention", "email", [], [])).toBe(true);
  });

  it("falls back to the catalog per channel", () => {
    expect(channelEnabled("review_opened", "email", [], [])).toBe(false);
    expect(channelEnabled("review_opened", "in_app", [], [])).toBe(true);
  });

  it("describes every kind", () => {
    for (const kind of NOTIFICATION_KINDS) expect(NOTIFICATION_KIND_INFO[kind].label).not.toBe("");
  });
});

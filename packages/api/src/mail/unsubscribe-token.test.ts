import { describe, expect, it } from "vitest";
import { emailConfigured, mailConfig } from "./config";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";

const claim = {
  userId: "11111111-1111-4111-8111-111111111111",
  organizationId: "22222222-2222-4222-8222-222222222222",
  kind: "weekly_digest" as const,
};

describe("unsubscribe tokens", () => {
  it("round-trips what it signed", () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken(claim, "s1"), "s1")).toEqual(claim);
  });

  it("refuses another secret, a changed kind, person or organization, and junk", () => {
    const token = signUnsubscribeToken(claim, "s1");
    expect(verifyUnsubscribeToken(token, "s2")).toBeNull();
    expect(verifyUnsubscribeToken(token.replace("weekly_digest", "mention"), "s1")).toBeNull();
    expect(verifyUnsubscribeToken(token.replace("11111111-1111", "33333333-1111"), "s1")).toBeNull();
    expect(verifyUnsubscribeToken(token.replace("22222222-2222", "33333333-2222"), "s1")).toBeNull();
    expect(verifyUnsubscribeToken(`${token}x`, "s1")).toBeNull();
    for (const junk of ["", "a.b.c.d", "....", "x".repeat(400), `${claim.userId}.${claim.organizationId}.nope.sig`]) {
      expect(verifyUnsubscribeToken(junk, "s1")).toBeNull();
    }
  });
});

describe("mail configuration", () => {
  it("email is on only with SMTP_URL; MAIL_FROM and the app's address have defaults", () => {
    expect(emailConfigured({})).toBe(false);
    expect(emailConfigured({ SMTP_URL: "  " })).toBe(false);
    expect(emailConfigured({ SMTP_URL: "smtp://localhost:25" })).toBe(true);
    expect(mailConfig({})).toBeNull();
    expect(mailConfig({ SMTP_URL: "smtp://h:25", NEXTAUTH_URL: "https://m.example.com/" })).toEqual({
      smtpUrl: "smtp://h:25",
      from: "Meridian <meridian@localhost>",
      appUrl: "https://m.example.com",
    });
  });
});

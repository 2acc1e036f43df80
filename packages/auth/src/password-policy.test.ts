import { PASSWORD_MIN_LENGTH } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords";
import { passwordPolicyError } from "./password-policy";

const TOO_COMMON = "This password is too common: choose one that is harder to guess.";
const IS_EMAIL = "Do not use your email address as your password.";

describe("passwordPolicyError", () => {
  it("accepts a long, uncommon password", () => {
    expect(passwordPolicyError("correct horse battery staple")).toBeNull();
    expect(passwordPolicyError("Tr0ub4dor&3x", { email: "ada@example.com" })).toBeNull();
  });

  it("asks for at least 10 characters, and at most 256", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordPolicyError("nine-char")).toBe("Use at least 10 characters.");
    expect(passwordPolicyError("")).toBe("Use at least 10 characters.");
    expect(passwordPolicyError("ten-chars!")).toBeNull();
    expect(passwordPolicyError("x".repeat(256))).toBeNull();
    expect(passwordPolicyError("x".repeat(257))).toBe("Use at most 256 characters.");
  });

  it("refuses every password on the shipped list, in any letter case", () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(1000);
    const accepted = COMMON_PASSWORDS.filter(
      (p) => passwordPolicyError(p) !== TOO_COMMON || passwordPolicyError(p.toUpperCase()) !== TOO_COMMON,
    );
    expect(accepted).toEqual([]);
    expect(passwordPolicyError("Password1234")).toBe(TOO_COMMON);
  });

  it("ships a list the length rule cannot already refuse: lower-case entries of 10 characters or more", () => {
    expect(COMMON_PASSWORDS.filter((p) => p.length < 10)).toEqual([]);
    expect(COMMON_PASSWORDS.filter((p) => p !== p.toLowerCase())).toEqual([]);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
  });

  it("refuses the account's email address and its local part, in any letter case", () => {
    const email = "maximilian.mustermann@example.com";
    expect(passwordPolicyError("maximilian.mustermann", { email })).toBe(IS_EMAIL);
    expect(passwordPolicyError("Maximilian.Mustermann", { email })).toBe(IS_EMAIL);
    expect(passwordPolicyError("MAXIMILIAN.MUSTERMANN@EXAMPLE.COM", { email })).toBe(IS_EMAIL);
    expect(passwordPolicyError("maximilian.mustermann", { email: "MAXIMILIAN.MUSTERMANN@example.com" })).toBe(IS_EMAIL);
    // Someone else's address is no reason to refuse.
    expect(passwordPolicyError("maximilian.mustermann", { email: "erika@example.com" })).toBeNull();
    expect(passwordPolicyError("maximilian.mustermann")).toBeNull();
  });

  it("checks the length first: a short local part gets the length message", () => {
    expect(passwordPolicyError("ada", { email: "ada@example.com" })).toBe("Use at least 10 characters.");
  });
});

import { ZNewPassword } from "@meridian/domain";
import { COMMON_PASSWORDS } from "./common-passwords";

const common = new Set(COMMON_PASSWORDS);

/**
 * Why a new password is refused, or null when it is acceptable: at least 10
 * characters, not one of the common passwords shipped with Meridian, and not
 * the account's own email.
 */
export function passwordPolicyError(password: string, context: { email?: string } = {}): string | null {
  const length = ZNewPassword.safeParse(password);
  if (!length.success) return length.error.issues[0]?.message ?? "Choose a longer password.";
  const lower = password.toLowerCase();
  if (common.has(lower)) return "This password is too common: choose one that is harder to guess.";
  const email = context.email?.toLowerCase();
  if (email && (lower === email || lower === email.split("@")[0])) {
    return "Do not use your email address as your password.";
  }
  return null;
}

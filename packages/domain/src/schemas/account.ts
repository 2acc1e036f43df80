// Zod input schemas for the signed-in person's own account (profile, password, sessions), shared by the API and the form.
import { z } from "zod";
import { ZId, ZName, ZVersion, zText } from "./common";

export const PASSWORD_MIN_LENGTH = 10;

/** Length rules a form can check as you type; the server also refuses common passwords. */
export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(256, "Use at most 256 characters.");

export const ZPasswordChangeSchema = z
  .object({
    currentPassword: zText().min(1, "Enter your current password.").max(256, "Password is too long."),
    newPassword: ZNewPassword,
    confirmPassword: zText().max(256, "Password is too long."),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
export type TPasswordChange = z.infer<typeof ZPasswordChangeSchema>;

/**
 * The zone's canonical IANA name ("europe/berlin" → "Europe/Berlin"), or null
 * when the runtime does not know it. Intl is the authority: a zone it cannot
 * format in is one we could not schedule a reminder in either.
 */
export function canonicalTimeZone(zone: string): string | null {
  const trimmed = zone.trim();
  // An IANA name is letters, digits and "/_+-"; the check keeps odd input away from Intl.
  if (trimmed.length === 0 || trimmed.length > 64 || !/^[A-Za-z0-9/_+-]+$/.test(trimmed)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const ZTimeZone = zText()
  .max(64, "Choose a time zone from the list.")
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (canonical === null) {
      ctx.addIssue({ code: "custom", message: "Choose a time zone from the list, such as Europe/Berlin." });
      return z.NEVER;
    }
    return canonical;
  });

/** The signed-in person's own name and time zone, saved against the version they read. */
export const ZProfileUpdateSchema = z.object({
  name: ZName("name"),
  timeZone: ZTimeZone,
  version: ZVersion,
});
export type TProfileUpdate = z.infer<typeof ZProfileUpdateSchema>;

/** One of the signed-in person's own sessions, to sign out. */
export const ZSessionRefSchema = z.object({ sessionId: ZId });
export type TSessionRef = z.infer<typeof ZSessionRefSchema>;

/** Every session of the signed-in person, or every other one ("sign out all other devices"). */
export const ZSignOutEverywhereSchema = z.object({
  keepCurrent: z.boolean({ error: "Say whether this device stays signed in (true or false)." }),
});
export type TSignOutEverywhere = z.infer<typeof ZSignOutEverywhereSchema>;

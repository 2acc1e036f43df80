import { z } from "zod";
import { zText } from "./common";

export const ZEmail = zText()
  .max(254, "Use an email address of at most 254 characters.")
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

export const ZLoginSchema = z.object({
  email: ZEmail,
  password: zText().min(1, "Enter your password.").max(256, "Password is too long."),
});
export type TLogin = z.infer<typeof ZLoginSchema>;

/** The `error` a throttled sign-in reports to the login form. */
export const SIGN_IN_THROTTLED_ERROR = "TooManyAttempts";

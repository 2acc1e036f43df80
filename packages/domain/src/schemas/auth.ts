// Zod input schemas for signing in, shared by the credentials provider and the login form.
import { z } from "zod";
import { ZEmail, zText } from "./common";

export const ZLoginSchema = z.object({
  email: ZEmail,
  password: zText().min(1, "Enter your password.").max(256, "Password is too long."),
});
export type TLogin = z.infer<typeof ZLoginSchema>;

/** The `error` a throttled sign-in reports to the login form. */
export const SIGN_IN_THROTTLED_ERROR = "TooManyAttempts";

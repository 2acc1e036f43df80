// Zod input schemas for the signed-in person's own account (changing the password), shared by the API and the form.
import { z } from "zod";
import { zText } from "./common";

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

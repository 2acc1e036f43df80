import { expect } from "vitest";
import { DEMO_PASSWORD } from "./browser";
import { HttpSession } from "./http-session";

let counter = 0;
/** A unique email per call, so tests never share a person. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}${counter}@example.test`;
}

/** The demo admin, signed in over HTTP. */
export async function adminSession(): Promise<HttpSession> {
  const admin = new HttpSession();
  expect(await admin.signIn("admin@example.com", DEMO_PASSWORD)).toBeNull();
  return admin;
}

/**
 * A new person created by the admin and past their first sign-in: they have
 * replaced the temporary password with `password`.
 */
export async function createPerson(
  admin: HttpSession,
  role: "admin" | "manager" | "member" | "viewer",
  password = "a-long-and-unusual-passphrase",
): Promise<{ id: string; email: string; password: string }> {
  const email = uniqueEmail(role);
  const created = await admin.mutate("users.create", { email, name: `Test ${role}`, role });
  expect(created.status).toBe(200);
  const { temporaryPassword } = created.data as { temporaryPassword: string };
  const person = new HttpSession();
  expect(await person.signIn(email, temporaryPassword)).toBeNull();
  const me = await person.query("me.get");
  const userId = (me.data as { user: { id: string } }).user.id;
  const changed = await person.mutate("account.changePassword", {
    currentPassword: temporaryPassword,
    newPassword: password,
    confirmPassword: password,
  });
  expect(changed.status).toBe(200);
  return { id: userId, email, password };
}

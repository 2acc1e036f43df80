import { describe, expect, it } from "vitest";
import { HttpSession } from "./support/http-session";
import { adminSession, createPerson } from "./support/people";

// Issue 11: with a stolen session, a batch of 300 guesses at the current password was checked in
// under two seconds. Over HTTP against the running app, the change is throttled like sign-in.
describe("changing a password over HTTP", () => {
  it("stops checking guesses at the current password after five, even for the right one", async () => {
    const admin = await adminSession();
    const { email, password } = await createPerson(admin, "member");
    const thief = new HttpSession();
    expect(await thief.signIn(email, password)).toBeNull();

    const guess = (currentPassword: string) =>
      thief.mutate("account.changePassword", {
        currentPassword,
        newPassword: "another-long-passphrase-42",
        confirmPassword: "another-long-passphrase-42",
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await guess(`guess-number-${i}-of-many`)).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual(Array(7).fill(429));

    // The right password is refused too while the lock holds, and the password is unchanged.
    const right = await guess(password);
    expect(right.status).toBe(429);
    expect(right.error?.message).toMatch(/try again/i);
    expect(await new HttpSession().signIn(email, password)).toBeNull();
  });
});

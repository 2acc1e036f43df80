import { describe, expect, it } from "vitest";
import { HttpSession } from "./support/http-session";
import { adminSession, createPerson, uniqueEmail } from "./support/people";

// The limits are enforced by the credentials route itself, with counters in the database.
describe("sign-in throttling", () => {
  it("locks an account from one address after five failures, even for the right password, with one clear message", async () => {
    const admin = await adminSession();
    const person = await createPerson(admin, "member");
    const client = new HttpSession({ "x-forwarded-for": "198.51.100.7" });
    for (let i = 0; i < 5; i++)
      expect(await client.signIn(person.email, "wrong-password-123")).toBe("CredentialsSignin");
    expect(await client.signIn(person.email, person.password)).toBe("TooManyAttempts");
    // The real owner, from their own address, still signs in: five requests with their email do not lock them out.
    expect(
      await new HttpSession({ "x-forwarded-for": "203.0.113.9" }).signIn(person.email, person.password),
    ).toBeNull();
  });

  it("still holds a guesser spread over many addresses to the account's own limit", async () => {
    const admin = await adminSession();
    const person = await createPerson(admin, "viewer");
    // Ten at a time: a hundred connections at once is more than the test machine's server accepts.
    const answers: (string | null)[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const round = Array.from({ length: 10 }, (_, i) =>
        new HttpSession({ "x-forwarded-for": `10.77.${batch}.${i}` }).signIn(person.email, "wrong-password-123"),
      );
      answers.push(...(await Promise.all(round)));
    }
    expect(answers).toHaveLength(100);
    expect(answers.every((a) => a === "CredentialsSignin")).toBe(true);
    expect(await new HttpSession({ "x-forwarded-for": "203.0.113.77" }).signIn(person.email, person.password)).toBe(
      "TooManyAttempts",
    );
  });

  it("answers an email without an account exactly as one with an account", async () => {
    const nobody = uniqueEmail("nobody");
    const client = new HttpSession({ "x-forwarded-for": "198.51.100.8" });
    const answers: (string | null)[] = [];
    for (let i = 0; i < 6; i++) answers.push(await client.signIn(nobody, "wrong-password-123"));
    expect(answers).toEqual([...Array(5).fill("CredentialsSignin"), "TooManyAttempts"]);
  });

  it("locks an address that tries many accounts", async () => {
    const admin = await adminSession();
    const person = await createPerson(admin, "viewer");
    const address = { "x-forwarded-for": "192.0.2.77" };
    const attempts = Array.from({ length: 50 }, () =>
      new HttpSession(address).signIn(uniqueEmail("spray"), "wrong-password-123"),
    );
    for (const answer of await Promise.all(attempts)) expect(answer).toBe("CredentialsSignin");
    expect(await new HttpSession(address).signIn(person.email, person.password)).toBe("TooManyAttempts");
    // The same person from elsewhere is not affected.
    expect(await new HttpSession({ "x-forwarded-for": "192.0.2.78" }).signIn(person.email, person.password)).toBeNull();
  });
});

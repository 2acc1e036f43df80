import { checkCredentials, type SessionClaims } from "@meridian/auth";
import { verifyPassword } from "@meridian/auth/password";
import { activityLog, desc, eq, loginThrottle, memberships, users } from "@meridian/db";
import { describe, expect, it } from "vitest";
import {
  type Caller,
  callerFor,
  callerForClaims,
  clientErrorOf,
  createMember,
  createOrganization,
  DEMO,
  outcomeOf,
  sessionClaimsFor,
  trpcErrorOf,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";
import { writeFingerprint } from "../../../test/support/fingerprint";
import { appRouter } from "../../root";

const FACTORY_PASSWORD = "factory-password";

const demo = useDemoDatabase();

async function accountOf(userId: string) {
  const [row] = await demo.db.select().from(users).where(eq(users.id, userId));
  if (!row) throw new Error(`no account ${userId}`);
  return row;
}

async function signIn(email: string, password: string): Promise<SessionClaims | null> {
  const result = await checkCredentials(demo.db, { email, password }, { address: null });
  return result.ok ? result.claims : null;
}

/** A Northwind member with the factory password, signed in. */
async function person(overrides: { email?: string } = {}) {
  const user = await createMember(demo.db, demo.orgId, "member", overrides);
  const claims = await sessionClaimsFor(demo.db, user.email);
  return { user, claims, caller: await callerForClaims(demo.db, claims) };
}

const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) => ({
  currentPassword,
  newPassword,
  confirmPassword,
});

async function refusal(caller: Caller, input: ReturnType<typeof change>) {
  const before = await writeFingerprint(demo.db);
  const error = await trpcErrorOf(() => caller.account.changePassword(input));
  expect(await writeFingerprint(demo.db), "a refused change wrote something").toEqual(before);
  const { shape, httpStatus } = clientErrorOf(error, "account.changePassword");
  return { code: error.code, httpStatus, message: shape.message, fieldErrors: shape.data.fieldErrors };
}

describe("account.changePassword: refusals", () => {
  it("refuses a wrong current password on the currentPassword field, keeping the session", async () => {
    const { caller } = await person();
    expect(await refusal(caller, change("not my password", "a much better passphrase"))).toEqual({
      code: "BAD_REQUEST",
      httpStatus: 400,
      message: "Your current password is not correct.",
      fieldErrors: { currentPassword: ["Your current password is not correct."] },
    });
    expect(await outcomeOf(() => caller.me.get())).toBe("allow");
  });

  it("is throttled like sign-in: 5 wrong guesses lock the change for 15 minutes, the right password included", async () => {
    const { caller, user } = await person();
    const guess = change("not my password", "a much better passphrase");
    for (let i = 0; i < 5; i++) expect((await refusal(caller, guess)).code).toBe("BAD_REQUEST");
    const locked = await refusal(caller, change(FACTORY_PASSWORD, "a much better passphrase"));
    expect(locked).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      httpStatus: 429,
      message: "Too many attempts. Wait 15 minutes, then try again.",
    });
    expect(await verifyPassword((await accountOf(user.id)).passwordHash, FACTORY_PASSWORD)).toBe(true);
    // The session itself goes on, and the lock is this account's alone.
    expect(await outcomeOf(() => caller.me.get())).toBe("allow");
    const other = await person();
    expect(
      await other.caller.account.changePassword(change(FACTORY_PASSWORD, "another much better passphrase")),
    ).toEqual({ changed: true });
  });

  it("answers 300 rapid guesses with at most 5 password checks, all the rest refused at once", async () => {
    const { caller } = await person();
    const started = Date.now();
    const codes = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const code = await outcomeOf(() =>
        caller.account.changePassword(change(`guess number ${i}`, "a new passphrase 1")),
      );
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect(Object.fromEntries(codes)).toEqual({ BAD_REQUEST: 5, TOO_MANY_REQUESTS: 295 });
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it("clears the change's own count on a success: four more wrong guesses later are not a lock", async () => {
    const { user, caller } = await person();
    const wrong = (c: Caller) => outcomeOf(() => c.account.changePassword(change("wrong guess", "x".repeat(12))));
    for (let i = 0; i < 4; i++) expect(await wrong(caller)).toBe("BAD_REQUEST");
    await caller.account.changePassword(change(FACTORY_PASSWORD, "a much better passphrase"));
    const [row] = await demo.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, `password-change:${user.id}`));
    expect(row).toBeUndefined();
    const again = await callerForClaims(demo.db, await sessionClaimsFor(demo.db, user.email));
    for (let i = 0; i < 4; i++) expect(await wrong(again)).toBe("BAD_REQUEST");
    expect(await again.account.changePassword(change("a much better passphrase", "the next passphrase"))).toEqual({
      changed: true,
    });
  });

  it("refuses a password under 10 characters", async () => {
    const { caller } = await person();
    expect(await refusal(caller, change(FACTORY_PASSWORD, "short-pw1"))).toMatchObject({
      code: "BAD_REQUEST",
      message: "Use at least 10 characters.",
      fieldErrors: { newPassword: ["Use at least 10 characters."] },
    });
  });

  it.each([["password1234"], ["qwertyuiop"], ["QwertyUIOP"], ["1q2w3e4r5t"], ["manchester"], ["1qaz2wsx3edc"]])(
    "refuses the common password %j",
    async (newPassword) => {
      const { caller } = await person();
      expect(await refusal(caller, change(FACTORY_PASSWORD, newPassword))).toMatchObject({
        code: "BAD_REQUEST",
        message: "This password is too common: choose one that is harder to guess.",
      });
    },
  );

  it("puts a policy refusal on the newPassword field, like a schema failure", async () => {
    const { caller } = await person();
    expect((await refusal(caller, change(FACTORY_PASSWORD, "password1234"))).fieldErrors).toEqual({
      newPassword: ["This password is too common: choose one that is harder to guess."],
    });
  });

  it("refuses the account's email address or its local part, in any case", async () => {
    const { caller } = await person({ email: "maximilian.mustermann@factory.test" });
    for (const newPassword of [
      "maximilian.mustermann",
      "Maximilian.Mustermann",
      "MAXIMILIAN.MUSTERMANN@factory.test",
    ]) {
      expect(await refusal(caller, change(FACTORY_PASSWORD, newPassword))).toMatchObject({
        code: "BAD_REQUEST",
        message: "Do not use your email address as your password.",
      });
    }
  });

  it("refuses a confirmation that does not match, and a new password equal to the current one", async () => {
    const { caller } = await person();
    expect(
      await refusal(caller, change(FACTORY_PASSWORD, "a much better passphrase", "a much better passfrase")),
    ).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { confirmPassword: ["The passwords do not match."] },
    });
    expect(await refusal(caller, change(FACTORY_PASSWORD, FACTORY_PASSWORD))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { newPassword: ["Choose a password different from the current one."] },
    });
    expect(await refusal(caller, change("", "a much better passphrase"))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { currentPassword: ["Enter your current password."] },
    });
  });

  it("is UNAUTHORIZED without a session", async () => {
    const { claims } = await person();
    await demo.db.update(users).set({ isActive: false }).where(eq(users.id, claims.userId));
    const signedOut = await callerForClaims(demo.db, claims);
    expect(
      await outcomeOf(() => signedOut.account.changePassword(change(FACTORY_PASSWORD, "a much better passphrase"))),
    ).toBe("UNAUTHORIZED");
  });
});

describe("account.changePassword: success", () => {
  it("replaces the password, ends every session of the user (this one too) and records the change", async () => {
    const { user, claims, caller } = await person();
    const before = await accountOf(user.id);

    expect(await caller.account.changePassword(change(FACTORY_PASSWORD, "correct horse battery staple"))).toEqual({
      changed: true,
    });

    const after = await accountOf(user.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.version).toBe(before.version + 1);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    // The next request of this session, or of any other session of the user, is signed out.
    expect(await outcomeOf(async () => (await callerForClaims(demo.db, claims)).me.get())).toBe("UNAUTHORIZED");
    expect(await outcomeOf(async () => (await callerForClaims(demo.db, claims)).objectives.dashboard())).toBe(
      "UNAUTHORIZED",
    );

    expect(await signIn(user.email, FACTORY_PASSWORD)).toBeNull();
    const fresh = await signIn(user.email, "correct horse battery staple");
    if (!fresh) throw new Error("the new password does not sign in");
    expect(await outcomeOf(async () => (await callerForClaims(demo.db, fresh)).objectives.dashboard())).toBe("allow");

    const [entry] = await demo.db
      .select()
      .from(activityLog)
      .where(eq(activityLog.entityId, user.id))
      .orderBy(desc(activityLog.createdAt))
      .limit(1);
    expect(entry).toMatchObject({
      organizationId: demo.orgId,
      actorId: user.id,
      entityType: "user",
      action: "user.password_changed",
      details: {},
    });
    expect(JSON.stringify(entry)).not.toContain("correct horse");
  });

  it("works for someone in no organization, writing no activity record", async () => {
    const org = await createOrganization(demo.db);
    const user = await createMember(demo.db, org.id, "member");
    await demo.db.delete(memberships).where(eq(memberships.userId, user.id));
    const caller = await callerFor(demo.db, user.email);
    const before = (await writeFingerprint(demo.db)).activity;
    expect(await caller.account.changePassword(change(FACTORY_PASSWORD, "a loner's long passphrase"))).toEqual({
      changed: true,
    });
    expect((await writeFingerprint(demo.db)).activity).toBe(before);
  });
});

describe("a temporary password", () => {
  it("opens only me.get and account.changePassword until it is replaced, then everything the role allows", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    // An admin, so that every refusal below is about the temporary password, never about the role.
    const { temporaryPassword } = await admin.users.create({
      email: "temporary.admin@example.com",
      name: "Temporary Admin",
      role: "admin",
    });
    const userId = await userIdOf(demo.db, "temporary.admin@example.com");
    if (!temporaryPassword) throw new Error("expected a temporary password");
    const claims = await signIn("temporary.admin@example.com", temporaryPassword);
    if (!claims) throw new Error("the temporary password does not sign in");
    const caller = await callerForClaims(demo.db, claims);

    const me = await caller.me.get();
    expect(me.user).toMatchObject({ id: userId, mustChangePassword: true });
    expect(me.organization).toMatchObject({ id: demo.orgId, role: "admin" });

    // Every other procedure of the router is FORBIDDEN, before any input is even read.
    const open = ["me.get", "account.changePassword", "demo.accounts"];
    const refused: Record<string, string> = {};
    for (const path of Object.keys(appRouter._def.procedures).filter((p) => !open.includes(p))) {
      let target: unknown = caller;
      for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
      refused[path] = await outcomeOf(() => (target as (input?: unknown) => Promise<unknown>)(undefined));
    }
    expect(Object.keys(refused).length).toBeGreaterThan(20);
    expect(Object.entries(refused).filter(([, outcome]) => outcome !== "FORBIDDEN")).toEqual([]);
    expect((await trpcErrorOf(() => caller.objectives.dashboard())).message).toBe(
      "Change your temporary password first.",
    );
    // The login page's demo list is public, for visitors as much as for anyone.
    expect(await outcomeOf(() => caller.demo.accounts())).toBe("allow");

    await caller.account.changePassword(change(temporaryPassword, "my own long passphrase"));
    expect((await accountOf(userId)).mustChangePassword).toBe(false);
    expect(await outcomeOf(async () => (await callerForClaims(demo.db, claims)).me.get())).toBe("UNAUTHORIZED");

    const newClaims = await signIn("temporary.admin@example.com", "my own long passphrase");
    if (!newClaims) throw new Error("the new password does not sign in");
    const fresh = await callerForClaims(demo.db, newClaims);
    expect((await fresh.me.get()).user.mustChangePassword).toBe(false);
    expect(await outcomeOf(() => fresh.objectives.dashboard())).toBe("allow");
    expect(await outcomeOf(() => fresh.users.list())).toBe("allow");
    expect(await signIn("temporary.admin@example.com", temporaryPassword)).toBeNull();
  });
});

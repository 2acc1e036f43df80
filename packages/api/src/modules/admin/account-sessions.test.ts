import { activityLog, and, desc, eq, sql, userSessions, users } from "@meridian/db";
import { ROLES, type Role } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import {
  anonymousCaller,
  callerForClaims,
  clientErrorOf,
  createMember,
  outcomeOf,
  sessionCallerFor,
  sessionClaimsFor,
  trpcErrorOf,
  useDemoDatabase,
} from "../../../test/support";
import { writeFingerprint } from "../../../test/support/fingerprint";

const demo = useDemoDatabase();

const LAPTOP = { userAgent: "Firefox 133 on macOS", clientAddress: "203.0.113.7" };
const PHONE = { userAgent: "Safari 17 on iOS", clientAddress: "198.51.100.23" };

/** A person of `role` signed in on a laptop and a phone. */
async function twoDevices(role: Role = "member") {
  const user = await createMember(demo.db, demo.orgId, role);
  const laptop = await sessionCallerFor(demo.db, user.email, null, LAPTOP);
  const phone = await sessionCallerFor(demo.db, user.email, null, PHONE);
  return { user, laptop, phone };
}

const alive = async (claims: Parameters<typeof callerForClaims>[1]) =>
  outcomeOf(async () => (await callerForClaims(demo.db, claims)).me.get());

async function lastActivity(userId: string) {
  const [entry] = await demo.db
    .select()
    .from(activityLog)
    .where(and(eq(activityLog.organizationId, demo.orgId), eq(activityLog.entityId, userId)))
    .orderBy(desc(activityLog.createdAt))
    .limit(1);
  return entry;
}

describe("account.sessions", () => {
  it.each(ROLES)("a %s sees their own sessions, this one first and marked", async (role) => {
    const { laptop, phone } = await twoDevices(role);
    const sessions = await phone.caller.account.sessions();
    expect(sessions).toEqual([
      {
        id: phone.claims.sessionId,
        device: "Safari 17 on iOS",
        address: "198.51.100.23",
        signedInAt: expect.any(String),
        lastSeenAt: expect.any(String),
        current: true,
      },
      expect.objectContaining({ id: laptop.claims.sessionId, device: "Firefox 133 on macOS", current: false }),
    ]);
  });

  it("shows nobody else's sessions", async () => {
    const mine = await twoDevices();
    const theirs = await twoDevices();
    const ids = (await mine.laptop.caller.account.sessions()).map((s) => s.id);
    expect(ids).not.toContain(theirs.laptop.claims.sessionId);
    expect(ids).not.toContain(theirs.phone.claims.sessionId);
  });

  it("leaves out sessions that have ended, and marks none current for a token from before sessions were listed", async () => {
    const { user, laptop, phone } = await twoDevices();
    await laptop.caller.account.signOutSession({ sessionId: phone.claims.sessionId ?? "" });
    const legacy = await callerForClaims(demo.db, await sessionClaimsFor(demo.db, user.email));
    expect(await legacy.account.sessions()).toEqual([
      expect.objectContaining({ id: laptop.claims.sessionId, current: false }),
    ]);
  });
});

describe("account.signOutSession", () => {
  it.each(ROLES)("a %s signs out their other device: its next request is refused, this one goes on", async (role) => {
    const { user, laptop, phone } = await twoDevices(role);
    const result = await laptop.caller.account.signOutSession({ sessionId: phone.claims.sessionId ?? "" });
    expect(result).toEqual({ ended: 1, currentEnded: false });
    expect(await alive(phone.claims)).toBe("UNAUTHORIZED");
    expect(await alive(laptop.claims)).toBe("allow");
    expect(await lastActivity(user.id)).toMatchObject({
      action: "user.session_ended",
      actorId: user.id,
      details: { session: phone.claims.sessionId, device: "Safari 17 on iOS" },
    });
  });

  it("signs out this very session when asked, and says so", async () => {
    const { laptop } = await twoDevices();
    expect(await laptop.caller.account.signOutSession({ sessionId: laptop.claims.sessionId ?? "" })).toEqual({
      ended: 1,
      currentEnded: true,
    });
    expect(await alive(laptop.claims)).toBe("UNAUTHORIZED");
  });

  it("cannot end another person's session: not found, and nothing changes", async () => {
    const mine = await twoDevices("admin");
    const theirs = await twoDevices();
    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(() =>
      mine.laptop.caller.account.signOutSession({ sessionId: theirs.phone.claims.sessionId ?? "" }),
    );
    const { shape, httpStatus } = clientErrorOf(error, "account.signOutSession");
    expect(httpStatus).toBe(404);
    expect(shape.message).toBe("That session has already ended, or it is not one of yours.");
    expect(await writeFingerprint(demo.db)).toEqual(before);
    expect(await alive(theirs.phone.claims)).toBe("allow");
  });

  it("answers an ended or unknown session with 404 and bad input with 400", async () => {
    const { laptop, phone } = await twoDevices();
    await laptop.caller.account.signOutSession({ sessionId: phone.claims.sessionId ?? "" });
    for (const [input, status] of [
      [{ sessionId: phone.claims.sessionId }, 404],
      [{ sessionId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301" }, 404],
      [{ sessionId: "not-a-session" }, 400],
      [{}, 400],
      [null, 400],
    ] as const) {
      const before = await writeFingerprint(demo.db);
      const error = await trpcErrorOf(() => laptop.caller.account.signOutSession(input as never));
      expect(clientErrorOf(error, "account.signOutSession").httpStatus, JSON.stringify(input)).toBe(status);
      expect(await writeFingerprint(demo.db)).toEqual(before);
    }
  });
});

describe("account.signOutEverywhere", () => {
  it.each(ROLES)("a %s signs out all other devices and stays signed in here", async (role) => {
    const { user, laptop, phone } = await twoDevices(role);
    const tablet = await sessionCallerFor(demo.db, user.email, null, {
      userAgent: "Chrome 131 on Android",
      clientAddress: null,
    });
    const legacyClaims = await sessionClaimsFor(demo.db, user.email);
    expect(await alive(legacyClaims)).toBe("allow");

    expect(await laptop.caller.account.signOutEverywhere({ keepCurrent: true })).toEqual({
      ended: 2,
      currentEnded: false,
    });
    expect(await alive(laptop.claims)).toBe("allow");
    expect(await alive(phone.claims)).toBe("UNAUTHORIZED");
    expect(await alive(tablet.claims)).toBe("UNAUTHORIZED");
    // A token from before sessions were listed names no row: the generation bump ends it too.
    expect(await alive(legacyClaims)).toBe("UNAUTHORIZED");
    expect((await laptop.caller.account.sessions()).map((s) => s.id)).toEqual([laptop.claims.sessionId]);
    expect(await lastActivity(user.id)).toMatchObject({
      action: "user.other_sessions_ended",
      details: { sessions: 2 },
    });
  });

  it("signs out everywhere, this session included", async () => {
    const { user, laptop, phone } = await twoDevices();
    expect(await laptop.caller.account.signOutEverywhere({ keepCurrent: false })).toEqual({
      ended: 2,
      currentEnded: true,
    });
    expect(await alive(laptop.claims)).toBe("UNAUTHORIZED");
    expect(await alive(phone.claims)).toBe("UNAUTHORIZED");
    expect(await lastActivity(user.id)).toMatchObject({ action: "user.all_sessions_ended", details: { sessions: 2 } });
    // Signing in again works as ever.
    const again = await sessionCallerFor(demo.db, user.email);
    expect(await alive(again.claims)).toBe("allow");
  });

  it("counts only live sessions: those a password change already ended are not signed out again", async () => {
    const { user } = await twoDevices();
    // What a password change does to the laptop's and phone's sessions.
    await demo.db
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    const fresh = await sessionCallerFor(demo.db, user.email);
    expect((await fresh.caller.account.sessions()).map((s) => s.id)).toEqual([fresh.claims.sessionId]);
    expect(await fresh.caller.account.signOutEverywhere({ keepCurrent: true })).toEqual({
      ended: 0,
      currentEnded: false,
    });
    expect(await alive(fresh.claims)).toBe("allow");
  });

  it("touches nobody else's sessions", async () => {
    const mine = await twoDevices();
    const theirs = await twoDevices();
    await mine.laptop.caller.account.signOutEverywhere({ keepCurrent: false });
    expect(await alive(theirs.laptop.claims)).toBe("allow");
    const [row] = await demo.db
      .select({ revokedAt: userSessions.revokedAt })
      .from(userSessions)
      .where(eq(userSessions.id, theirs.phone.claims.sessionId ?? ""));
    expect(row?.revokedAt).toBeNull();
  });

  it("refuses input without a clear choice, and visitors", async () => {
    const { laptop } = await twoDevices();
    for (const input of [{}, { keepCurrent: "yes" }, null]) {
      const before = await writeFingerprint(demo.db);
      const error = await trpcErrorOf(() => laptop.caller.account.signOutEverywhere(input as never));
      expect(clientErrorOf(error, "account.signOutEverywhere").httpStatus).toBe(400);
      expect(await writeFingerprint(demo.db)).toEqual(before);
    }
    const visitor = anonymousCaller(demo.db);
    expect(await outcomeOf(() => visitor.account.sessions())).toBe("UNAUTHORIZED");
    expect(await outcomeOf(() => visitor.account.signOutEverywhere({ keepCurrent: true }))).toBe("UNAUTHORIZED");
  });
});

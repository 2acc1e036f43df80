import { activityLog, and, desc, eq, users } from "@meridian/db";
import { ROLES, type Role } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import {
  anonymousCaller,
  callerForClaims,
  clientErrorOf,
  createMember,
  createUser,
  outcomeOf,
  sessionCallerFor,
  trpcErrorOf,
  useDemoDatabase,
} from "../../../test/support";
import { writeFingerprint } from "../../../test/support/fingerprint";

const demo = useDemoDatabase();

async function person(role: Role = "member") {
  const user = await createMember(demo.db, demo.orgId, role);
  const { caller, claims } = await sessionCallerFor(demo.db, user.email);
  return { user, caller, claims };
}

describe("account.profile and account.updateProfile", () => {
  it.each(ROLES)("a %s has a profile, and saves their own name and time zone", async (role) => {
    const { user, caller, claims } = await person(role);
    const profile = await caller.account.profile();
    expect(profile).toEqual({ name: user.name, email: user.email, timeZone: "UTC", version: 1 });

    const saved = await caller.account.updateProfile({
      name: "  Ada Lovelace  ",
      timeZone: "europe/london",
      version: profile.version,
    });
    expect(saved).toEqual({ name: "Ada Lovelace", email: user.email, timeZone: "Europe/London", version: 2 });
    expect(await caller.account.profile()).toEqual(saved);
    // The header reads the name from me.get, on the session's next request.
    const nextRequest = await callerForClaims(demo.db, claims);
    expect((await nextRequest.me.get()).user.name).toBe("Ada Lovelace");
  });

  it("records the change in the organization the person acts in, from and to", async () => {
    const { user, caller } = await person();
    await caller.account.updateProfile({ name: "Grace Hopper", timeZone: "America/New_York", version: 1 });
    const [entry] = await demo.db
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.organizationId, demo.orgId), eq(activityLog.entityId, user.id)))
      .orderBy(desc(activityLog.createdAt))
      .limit(1);
    expect(entry).toMatchObject({
      actorId: user.id,
      entityType: "user",
      action: "user.profile_updated",
      details: {
        name: { from: user.name, to: "Grace Hopper" },
        timeZone: { from: "UTC", to: "America/New_York" },
      },
    });
  });

  it("saves the profile of someone in no organization yet, without an audit entry", async () => {
    const user = await createUser(demo.db);
    const { caller } = await sessionCallerFor(demo.db, user.email);
    expect(
      await caller.account.updateProfile({ name: "New Person", timeZone: "Asia/Tokyo", version: 1 }),
    ).toMatchObject({ timeZone: "Asia/Tokyo", version: 2 });
  });

  it("answers a stale save with a conflict showing what the profile holds now, and changes nothing", async () => {
    const { caller } = await person();
    // Another tab saved first.
    await caller.account.updateProfile({ name: "Saved Elsewhere", timeZone: "Europe/Paris", version: 1 });
    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(() =>
      caller.account.updateProfile({ name: "From The Old Tab", timeZone: "Asia/Tokyo", version: 1 }),
    );
    expect(await writeFingerprint(demo.db)).toEqual(before);
    const { shape, httpStatus } = clientErrorOf(error, "account.updateProfile");
    expect(httpStatus).toBe(409);
    expect(shape.message).toBe(
      "Someone else changed this profile after you opened it. Review the current values and try again.",
    );
    expect(shape.data.current).toMatchObject({ name: "Saved Elsewhere", timeZone: "Europe/Paris", version: 2 });
  });

  it("refuses bad input with a 400 on the field, and writes nothing", async () => {
    const { caller } = await person();
    const cases: [unknown, string][] = [
      [{ name: "Ok", timeZone: "Mars/Olympus_Mons", version: 1 }, "timeZone"],
      [{ name: "Ok", timeZone: "Europe/Berlin; drop table users", version: 1 }, "timeZone"],
      [{ name: "", timeZone: "UTC", version: 1 }, "name"],
      [{ name: "x".repeat(121), timeZone: "UTC", version: 1 }, "name"],
      [{ name: "Ok", timeZone: "UTC", version: 0 }, "version"],
      [{ name: "Ok", timeZone: "UTC" }, "version"],
    ];
    for (const [input, field] of cases) {
      const before = await writeFingerprint(demo.db);
      const error = await trpcErrorOf(() => caller.account.updateProfile(input as never));
      const { shape, httpStatus } = clientErrorOf(error, "account.updateProfile");
      expect(httpStatus, JSON.stringify(input)).toBe(400);
      expect(Object.keys(shape.data.fieldErrors ?? {}), JSON.stringify(input)).toEqual([field]);
      expect(await writeFingerprint(demo.db)).toEqual(before);
    }
  });

  it("changes only the caller's own row: no input names another person", async () => {
    const { caller } = await person();
    const other = await createMember(demo.db, demo.orgId, "member");
    await caller.account.updateProfile({ name: "Only Me", timeZone: "UTC", version: 1 });
    const [row] = await demo.db.select().from(users).where(eq(users.id, other.id));
    expect(row).toMatchObject({ name: other.name, version: 1 });
  });

  it("is for signed-in people only", async () => {
    const visitor = anonymousCaller(demo.db);
    expect(await outcomeOf(() => visitor.account.profile())).toBe("UNAUTHORIZED");
    expect(await outcomeOf(() => visitor.account.updateProfile({ name: "X", timeZone: "UTC", version: 1 }))).toBe(
      "UNAUTHORIZED",
    );
  });
});

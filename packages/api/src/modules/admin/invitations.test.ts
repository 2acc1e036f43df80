import { checkCredentials } from "@meridian/auth";
import { activityLog, and, desc, eq, memberships, users } from "@meridian/db";
import { describe, expect, it } from "vitest";
import {
  callerFor,
  createMember,
  createOrganizationWithOkr,
  DEMO,
  outcomeOf,
  trpcErrorOf,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";
import { writeFingerprint } from "../../../test/support/fingerprint";

const demo = useDemoDatabase();
const TEMPORARY_PASSWORD = /^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/;

const admin = () => callerFor(demo.db, DEMO.admin);

async function accountOf(email: string) {
  const [row] = await demo.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no account ${email}`);
  return row;
}

async function membershipOf(organizationId: string, userId: string) {
  const [row] = await demo.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** The shape of an answer, with every string reduced to what a caller could tell apart. */
function shapeOf(value: unknown): unknown {
  if (typeof value === "string") return TEMPORARY_PASSWORD.test(value) ? "<temporary password>" : "<string>";
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, shapeOf(v)]));
  }
  return value;
}

describe("users.create of an email that already has an account", () => {
  it("answers exactly like an invite of a new email: same shape, a temporary password, no id", async () => {
    const globex = await createOrganizationWithOkr(demo.db, { name: "Globex Same Answer" });
    const caller = await admin();
    const fresh = await caller.users.create({ email: "brand.new@example.com", name: "Brand New", role: "member" });
    const known = await caller.users.create({ email: globex.member.email, name: "Brand New", role: "member" });

    expect(shapeOf(known)).toEqual(shapeOf(fresh));
    expect(Object.keys(known).sort()).toEqual(Object.keys(fresh).sort());
    expect(known.temporaryPassword).toMatch(TEMPORARY_PASSWORD);
    expect(JSON.stringify(known)).not.toContain(globex.member.id);
    expect(JSON.stringify(fresh)).not.toMatch(/already|exist|invit/i);
    expect(JSON.stringify(known)).not.toMatch(/already|exist|invit/i);
  });

  it("joins nobody without consent: the account, its password and sessions are untouched and they see nothing here", async () => {
    const globex = await createOrganizationWithOkr(demo.db, { name: "Globex Consent" });
    const before = await accountOf(globex.member.email);
    const answer = await (await admin()).users.create({ email: globex.member.email, name: "Ignored", role: "admin" });

    const after = await accountOf(globex.member.email);
    expect(after).toMatchObject({
      passwordHash: before.passwordHash,
      sessionVersion: before.sessionVersion,
      mustChangePassword: false,
      name: before.name,
    });
    expect(await membershipOf(demo.orgId, globex.member.id)).toBeNull();
    // The temporary password of the answer opens nothing: their own password stays theirs.
    expect(
      await checkCredentials(
        demo.db,
        { email: globex.member.email, password: answer.temporaryPassword },
        { address: null },
      ),
    ).toEqual({ ok: false, reason: "invalid" });

    // Even asking for Northwind by id, they act in Globex only.
    const invited = await callerFor(demo.db, globex.member.email, demo.orgId);
    const me = await invited.me.get();
    expect(me.organization?.id).toBe(globex.organization.id);
    expect(me.organizations.map((o) => o.id)).toEqual([globex.organization.id]);
    expect((await invited.teams.list()).map((t) => t.id)).toEqual([globex.team.id]);
    // The people list of Northwind does not hold them until they accept.
    const listed = (await (await admin()).users.list()).users.map((p) => p.id);
    expect(listed).not.toContain(globex.member.id);
  });

  it("lists the pending invitation to the person, who accepts it and becomes a member with the invited role", async () => {
    const globex = await createOrganizationWithOkr(demo.db, { name: "Globex Accept" });
    await (await admin()).users.create({ email: globex.member.email, name: "Ignored", role: "manager" });

    const invited = await callerFor(demo.db, globex.member.email);
    const pending = await invited.invitations.list();
    expect(pending).toEqual([
      {
        id: expect.any(String),
        organization: { id: demo.orgId, name: "Northwind Labs" },
        role: "manager",
        invitedBy: expect.any(String),
        createdAt: expect.any(Date),
      },
    ]);
    const invitationId = pending[0]?.id ?? "";

    expect(await invited.invitations.accept({ invitationId })).toEqual({ organizationId: demo.orgId });
    expect(await membershipOf(demo.orgId, globex.member.id)).toMatchObject({ role: "manager", deactivatedAt: null });
    expect(await invited.invitations.list()).toEqual([]);

    const inDemo = await callerFor(demo.db, globex.member.email, demo.orgId);
    expect((await inDemo.me.get()).organization).toMatchObject({ id: demo.orgId, role: "manager" });
    expect((await inDemo.me.get()).organizations.map((o) => o.id).sort()).toEqual(
      [demo.orgId, globex.organization.id].sort(),
    );
    const [entry] = await demo.db
      .select()
      .from(activityLog)
      .where(eq(activityLog.entityId, globex.member.id))
      .orderBy(desc(activityLog.createdAt));
    expect(entry).toMatchObject({
      organizationId: demo.orgId,
      actorId: globex.member.id,
      action: "user.invitation_accepted",
    });
    // Accepting twice finds nothing.
    expect(await outcomeOf(() => invited.invitations.accept({ invitationId }))).toBe("NOT_FOUND");
  });

  it("declining deletes the invitation and leaves them outside", async () => {
    const globex = await createOrganizationWithOkr(demo.db, { name: "Globex Decline" });
    await (await admin()).users.create({ email: globex.member.email, name: "Ignored", role: "member" });
    const invited = await callerFor(demo.db, globex.member.email);
    const [invitation] = await invited.invitations.list();
    expect(await invited.invitations.decline({ invitationId: invitation?.id ?? "" })).toEqual({ declined: true });
    expect(await invited.invitations.list()).toEqual([]);
    expect(await membershipOf(demo.orgId, globex.member.id)).toBeNull();
    expect(await outcomeOf(() => invited.invitations.accept({ invitationId: invitation?.id ?? "" }))).toBe("NOT_FOUND");
  });

  it("is nobody else's to accept or decline: NOT_FOUND, writing nothing", async () => {
    const globex = await createOrganizationWithOkr(demo.db, { name: "Globex Stranger" });
    await (await admin()).users.create({ email: globex.member.email, name: "Ignored", role: "admin" });
    const [invitation] = await (await callerFor(demo.db, globex.member.email)).invitations.list();
    const invitationId = invitation?.id ?? "";
    for (const email of [DEMO.admin, globex.admin.email, DEMO.viewer]) {
      const stranger = await callerFor(demo.db, email);
      expect(await stranger.invitations.list()).toEqual([]);
      const before = await writeFingerprint(demo.db);
      expect((await trpcErrorOf(() => stranger.invitations.accept({ invitationId }))).code).toBe("NOT_FOUND");
      expect((await trpcErrorOf(() => stranger.invitations.decline({ invitationId }))).code).toBe("NOT_FOUND");
      expect(await writeFingerprint(demo.db)).toEqual(before);
    }
    expect(await membershipOf(demo.orgId, globex.member.id)).toBeNull();
  });

  it("inviting again while one is pending answers the same and keeps one invitation, with the latest role", async () => {
    const globex = await createOrganizationWithOkr(demo.db, { name: "Globex Twice" });
    const caller = await admin();
    const first = await caller.users.create({ email: globex.member.email, name: "Ignored", role: "viewer" });
    const second = await caller.users.create({ email: globex.member.email, name: "Ignored", role: "member" });
    expect(shapeOf(second)).toEqual(shapeOf(first));
    const pending = await (await callerFor(demo.db, globex.member.email)).invitations.list();
    expect(pending.map((p) => p.role)).toEqual(["member"]);
  });

  it("still refuses someone already a member here with CONFLICT", async () => {
    const person = await createMember(demo.db, demo.orgId, "member");
    expect(
      (await trpcErrorOf(async () => (await admin()).users.create({ email: person.email, name: "X", role: "admin" })))
        .code,
    ).toBe("CONFLICT");
    expect(await userIdOf(demo.db, person.email)).toBe(person.id);
  });
});

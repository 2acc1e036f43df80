import { and, eq, notificationDefaults, notificationPreferences, notifications } from "@meridian/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createMember, createOrganization, useTestDatabase } from "../../../test/support";
import { notify } from "./notify";

const database = useTestDatabase();
let orgId: string;
let otherOrgId: string;
let alice: string;
let bob: string;
let outsider: string;

beforeAll(async () => {
  const db = database.db;
  orgId = (await createOrganization(db)).id;
  otherOrgId = (await createOrganization(db)).id;
  alice = (await createMember(db, orgId, "member")).id;
  bob = (await createMember(db, orgId, "manager")).id;
  outsider = (await createMember(db, otherOrgId, "member")).id;
});

const inbox = (userId: string) =>
  database.db
    .select({ kind: notifications.kind, inApp: notifications.inApp, emailState: notifications.emailState })
    .from(notifications)
    .where(and(eq(notifications.organizationId, orgId), eq(notifications.userId, userId)));

describe("notify", () => {
  it("adds one row per recipient, once per dedupe key, and only for members of the organization", async () => {
    const send = () =>
      notify(database.db, {
        organizationId: orgId,
        kind: "mention",
        recipients: [
          { userId: alice, dedupeKey: "mention:c1" },
          { userId: outsider, dedupeKey: "mention:c1" },
        ],
        title: "Bob mentioned you",
        link: "/objectives/x",
      });
    expect(await send()).toHaveLength(1);
    expect(await send()).toHaveLength(0);
    expect(await inbox(alice)).toEqual([{ kind: "mention", inApp: true, emailState: "pending" }]);
    const outsiderRows = await database.db.select().from(notifications).where(eq(notifications.userId, outsider));
    expect(outsiderRows).toEqual([]);
  });

  it("follows the person's choice over the organization's default over the catalog", async () => {
    const db = database.db;
    await db
      .insert(notificationDefaults)
      .values({ organizationId: orgId, kind: "review_opened", channel: "email", enabled: true });
    await db
      .insert(notificationPreferences)
      .values({ organizationId: orgId, userId: bob, kind: "review_opened", channel: "in_app", enabled: false });
    await notify(db, {
      organizationId: orgId,
      kind: "review_opened",
      recipients: [
        { userId: alice, dedupeKey: "review_opened:r1" },
        { userId: bob, dedupeKey: "review_opened:r1" },
      ],
      title: "Review opened",
      link: "/reviews/r1",
    });
    const aliceRows = (await inbox(alice)).filter((r) => r.kind === "review_opened");
    const bobRows = (await inbox(bob)).filter((r) => r.kind === "review_opened");
    expect(aliceRows).toEqual([{ kind: "review_opened", inApp: true, emailState: "pending" }]);
    expect(bobRows).toEqual([{ kind: "review_opened", inApp: false, emailState: "pending" }]);
  });

  it("adds nothing for a person who takes the kind on no channel", async () => {
    const db = database.db;
    await db
      .insert(notificationPreferences)
      .values([{ organizationId: orgId, userId: alice, kind: "comment_on_owned", channel: "in_app", enabled: false }]);
    const added = await notify(db, {
      organizationId: orgId,
      kind: "comment_on_owned",
      recipients: [{ userId: alice, dedupeKey: "comment:c9" }],
      title: "New comment",
      link: "/objectives/y",
    });
    expect(added).toEqual([]);
  });
});

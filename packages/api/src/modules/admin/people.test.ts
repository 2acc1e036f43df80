import { and, type DatabaseHandle, eq, memberships } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMembership, callerFor, createMember, createOrganization } from "../../../test/support";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

describe("people.list", () => {
  it("lists the organization's active people by name, with their role and without emails", async () => {
    const org = await createOrganization(handle.db);
    const viewer = await createMember(handle.db, org.id, "viewer", { name: "Zoe Viewer" });
    const admin = await createMember(handle.db, org.id, "admin", { name: "Ada Admin" });
    const people = await (await callerFor(handle.db, viewer.email)).people.list();
    expect(people).toEqual([
      { id: admin.id, name: "Ada Admin", role: "admin" },
      { id: viewer.id, name: "Zoe Viewer", role: "viewer" },
    ]);
  });

  it("leaves out deactivated people and other organizations' people, with the role each has here", async () => {
    const org = await createOrganization(handle.db);
    const other = await createOrganization(handle.db);
    const member = await createMember(handle.db, org.id, "member", { name: "Mia Member" });
    const gone = await createMember(handle.db, org.id, "member", { name: "Gus Gone" });
    await handle.db
      .update(memberships)
      .set({ deactivatedAt: new Date() })
      .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, gone.id)));
    await createMember(handle.db, other.id, "admin", { name: "Oscar Outsider" });
    const shared = await createMember(handle.db, other.id, "admin", { name: "Sid Shared" });
    await addMembership(handle.db, org.id, shared.id, "viewer");

    const people = await (await callerFor(handle.db, member.email, org.id)).people.list();
    expect(people).toEqual([
      { id: member.id, name: "Mia Member", role: "member" },
      { id: shared.id, name: "Sid Shared", role: "viewer" },
    ]);
  });
});

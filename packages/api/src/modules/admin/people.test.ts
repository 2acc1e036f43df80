import { and, eq, memberships } from "@meridian/db";
import { describe, expect, it } from "vitest";
import { addMembership, callerFor, createMember, createOrganization, useTestDatabase } from "../../../test/support";

const database = useTestDatabase();

describe("people.list", () => {
  it("lists the organization's active people by name, with their role and without emails", async () => {
    const org = await createOrganization(database.db);
    const viewer = await createMember(database.db, org.id, "viewer", { name: "Zoe Viewer" });
    const admin = await createMember(database.db, org.id, "admin", { name: "Ada Admin" });
    const people = await (await callerFor(database.db, viewer.email)).people.list();
    expect(people).toEqual([
      { id: admin.id, name: "Ada Admin", role: "admin" },
      { id: viewer.id, name: "Zoe Viewer", role: "viewer" },
    ]);
  });

  it("leaves out deactivated people and other organizations' people, with the role each has here", async () => {
    const org = await createOrganization(database.db);
    const other = await createOrganization(database.db);
    const member = await createMember(database.db, org.id, "member", { name: "Mia Member" });
    const gone = await createMember(database.db, org.id, "member", { name: "Gus Gone" });
    await database.db
      .update(memberships)
      .set({ deactivatedAt: new Date() })
      .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, gone.id)));
    await createMember(database.db, other.id, "admin", { name: "Oscar Outsider" });
    const shared = await createMember(database.db, other.id, "admin", { name: "Sid Shared" });
    await addMembership(database.db, org.id, shared.id, "viewer");

    const people = await (await callerFor(database.db, member.email, org.id)).people.list();
    expect(people).toEqual([
      { id: member.id, name: "Mia Member", role: "member" },
      { id: shared.id, name: "Sid Shared", role: "viewer" },
    ]);
  });
});

import { activityLog, correctiveActions, type DatabaseHandle, eq } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import type { TCorrectiveActionCreate } from "@meridian/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, outcomeOf, trpcErrorOf } from "../../../test/support";
import { writeFingerprint } from "../../../test/support/fingerprint";
import { createReviewOrganization, type ReviewOrganization } from "../../../test/support/reviews";

let handle: DatabaseHandle;
let org: ReviewOrganization;
/** Q3 review: finalized after its actions were agreed. Q4 review: open. */
let q3ReviewId: string;
let q4ReviewId: string;
/** Agreed in Q3: owned by the member (still open) and by the manager (done before Q4). */
let memberActionId: string;
let doneActionId: string;

const action = (over: Partial<TCorrectiveActionCreate> = {}): TCorrectiveActionCreate => ({
  reviewId: q4ReviewId,
  subjectType: "kpi",
  subjectId: org.kpis.revenue.id,
  title: "Re-price the starter plan",
  ownerId: org.manager.id,
  dueOn: "2027-01-31",
  ...over,
});

beforeAll(async () => {
  handle = await createTestDatabase();
  org = await createReviewOrganization(handle.db);
  const manager = await org.as("manager");
  q3ReviewId = (await manager.reviews.open({ cycleId: org.cycles.q3.id })).id;
  memberActionId = (
    await manager.correctiveActions.create({
      ...action({ reviewId: q3ReviewId }),
      ownerId: org.member.id,
      title: "Win back churned accounts",
    })
  ).id;
  const done = await manager.correctiveActions.create({
    ...action({ reviewId: q3ReviewId }),
    title: "Hire a pricing lead",
  });
  doneActionId = done.id;
  await manager.correctiveActions.update({ actionId: done.id, version: done.version, status: "done" });
  const q3 = await manager.reviews.get({ reviewId: q3ReviewId });
  await manager.reviews.finalize({ reviewId: q3ReviewId, version: q3.version });
  q4ReviewId = (await manager.reviews.open({ cycleId: org.cycles.q4.id })).id;
});

afterAll(async () => {
  await handle?.close();
});

describe("correctiveActions.create", () => {
  it("adds an action to an open review, records it, and adds nothing when repeated", async () => {
    const manager = await org.as("manager");
    const created = await manager.correctiveActions.create(action());
    expect(created.version).toBe(1);
    const before = await writeFingerprint(handle.db);
    expect(await manager.correctiveActions.create(action())).toEqual(created);
    expect(await writeFingerprint(handle.db)).toEqual(before);
    const [row] = await handle.db.select().from(activityLog).where(eq(activityLog.entityId, created.id));
    expect(row).toMatchObject({
      action: "corrective_action.created",
      actorId: org.manager.id,
      entityType: "corrective_action",
    });
  });

  it("is for managers and admins only", async () => {
    for (const role of ["member", "viewer"] as const) {
      expect(await outcomeOf(async () => (await org.as(role)).correctiveActions.create(action({ title: role })))).toBe(
        "FORBIDDEN",
      );
    }
    expect(
      await outcomeOf(async () => (await org.as("admin")).correctiveActions.create(action({ title: "admin" }))),
    ).toBe("allow");
  });

  it("refuses a subject outside the snapshot, an owner outside the organization and bad input, writing nothing", async () => {
    const manager = await org.as("manager");
    const outsider = await createMember(handle.db, (await createReviewOrganization(handle.db)).organization.id);
    const before = await writeFingerprint(handle.db);
    const subject = await trpcErrorOf(() => manager.correctiveActions.create(action({ subjectId: org.growth.id })));
    expect(subject.code).toBe("BAD_REQUEST");
    const owner = await trpcErrorOf(() => manager.correctiveActions.create(action({ ownerId: outsider.id })));
    expect(owner.code).toBe("BAD_REQUEST");
    expect(owner.message).toContain("active member");
    expect(await outcomeOf(() => manager.correctiveActions.create(action({ title: "  " })))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => manager.correctiveActions.create(action({ dueOn: "2026-02-30" })))).toBe(
      "BAD_REQUEST",
    );
    expect(await outcomeOf(() => manager.correctiveActions.create(action({ dueOn: "99999-01-01" })))).toBe(
      "BAD_REQUEST",
    );
    expect(await writeFingerprint(handle.db)).toEqual(before);
  });

  it("is refused on another organization's review", async () => {
    const other = await createReviewOrganization(handle.db);
    expect(await outcomeOf(async () => (await other.as("admin")).correctiveActions.create(action()))).toBe("NOT_FOUND");
  });
});

describe("correctiveActions.update", () => {
  it("lets a member update only the actions they own", async () => {
    const member = await org.as("member");
    const [theirs] = await handle.db.select().from(correctiveActions).where(eq(correctiveActions.id, memberActionId));
    const updated = await member.correctiveActions.update({
      actionId: memberActionId,
      version: theirs?.version ?? 0,
      status: "in_progress",
    });
    expect(updated?.version).toBe((theirs?.version ?? 0) + 1);

    const [others] = await handle.db.select().from(correctiveActions).where(eq(correctiveActions.id, doneActionId));
    const error = await trpcErrorOf(() =>
      member.correctiveActions.update({ actionId: doneActionId, version: others?.version ?? 0, status: "open" }),
    );
    expect(error.code).toBe("FORBIDDEN");
    const [after] = await handle.db.select().from(correctiveActions).where(eq(correctiveActions.id, doneActionId));
    expect(after).toEqual(others);
  });

  it("lets managers and admins update any action, even one agreed in a finalized review", async () => {
    const admin = await org.as("admin");
    const [row] = await handle.db.select().from(correctiveActions).where(eq(correctiveActions.id, memberActionId));
    const updated = await admin.correctiveActions.update({
      actionId: memberActionId,
      version: row?.version ?? 0,
      dueOn: "2027-03-15",
      title: "Win back the churned accounts",
    });
    const [after] = await handle.db.select().from(correctiveActions).where(eq(correctiveActions.id, memberActionId));
    expect(after).toMatchObject({
      dueOn: "2027-03-15",
      title: "Win back the churned accounts",
      version: updated?.version,
    });
    const logged = await handle.db.select().from(activityLog).where(eq(activityLog.entityId, memberActionId));
    expect(logged.map((l) => l.action)).toContain("corrective_action.updated");
  });

  it("refuses viewers, stale versions and owners from elsewhere", async () => {
    const manager = await org.as("manager");
    const viewer = await org.as("viewer");
    const [row] = await handle.db.select().from(correctiveActions).where(eq(correctiveActions.id, memberActionId));
    const version = row?.version ?? 0;
    expect(
      await outcomeOf(() => viewer.correctiveActions.update({ actionId: memberActionId, version, status: "done" })),
    ).toBe("FORBIDDEN");
    expect(
      await outcomeOf(() =>
        manager.correctiveActions.update({ actionId: memberActionId, version: version - 1, status: "done" }),
      ),
    ).toBe("CONFLICT");
    const outsider = await createMember(handle.db, (await createReviewOrganization(handle.db)).organization.id);
    expect(
      await outcomeOf(() =>
        manager.correctiveActions.update({ actionId: memberActionId, version, ownerId: outsider.id }),
      ),
    ).toBe("BAD_REQUEST");
    const [after] = await handle.db.select().from(correctiveActions).where(eq(correctiveActions.id, memberActionId));
    expect(after).toEqual(row);
  });

  it("changes nothing when the update already took effect", async () => {
    const manager = await org.as("manager");
    const [row] = await handle.db.select().from(correctiveActions).where(eq(correctiveActions.id, doneActionId));
    expect(await manager.correctiveActions.update({ actionId: doneActionId, version: 1, status: "done" })).toEqual({
      id: doneActionId,
      version: row?.version,
    });
  });

  it("is NOT_FOUND in another organization", async () => {
    const other = await createReviewOrganization(handle.db);
    expect(
      await outcomeOf(async () =>
        (await other.as("admin")).correctiveActions.update({ actionId: memberActionId, version: 1, status: "done" }),
      ),
    ).toBe("NOT_FOUND");
  });
});

describe("actions in a review", () => {
  it("carries still-open actions of earlier reviews of the same scope into an open review", async () => {
    const review = await (await org.as("member")).reviews.get({ reviewId: q4ReviewId });
    const carried = review.actions.filter((a) => a.carriedIn);
    expect(carried.map((a) => a.id)).toEqual([memberActionId]);
    expect(carried[0]).toMatchObject({
      originReviewTitle: `Q3 2026 review — ${org.organization.name}`,
      subjectType: "kpi",
      subjectName: org.kpis.revenue.name,
      owner: { id: org.member.id, name: org.member.name },
      canUpdate: true,
    });
    // A member may update their own action only.
    expect(review.actions.filter((a) => !a.carriedIn).every((a) => !a.canUpdate)).toBe(true);
  });

  it("leaves a team review's carried actions to that team's earlier reviews", async () => {
    const manager = await org.as("manager");
    const teamReview = await manager.reviews.open({ cycleId: org.cycles.q4.id, teamId: org.teams.sales.id });
    expect((await manager.reviews.get({ reviewId: teamReview.id })).actions).toEqual([]);
  });

  it("shows a finalized review's actions as they were when it was finalized", async () => {
    const review = await (await org.as("viewer")).reviews.get({ reviewId: q3ReviewId });
    expect(review.actions.map((a) => [a.title, a.status])).toEqual([
      ["Win back churned accounts", "open"],
      ["Hire a pricing lead", "done"],
    ]);
    expect(review.actions.every((a) => !a.canUpdate)).toBe(true);
  });
});

describe("correctiveActions.listOpen", () => {
  it("lists open and in-progress actions with owner, due date and origin review, soonest due first", async () => {
    const list = await (await org.as("member")).correctiveActions.listOpen();
    expect(list.every((a) => a.status !== "done")).toBe(true);
    expect(list.map((a) => a.dueOn)).toEqual([...list.map((a) => a.dueOn)].sort());
    expect(list.find((a) => a.id === memberActionId)).toMatchObject({
      originReviewTitle: `Q3 2026 review — ${org.organization.name}`,
      owner: { id: org.member.id },
      canUpdate: true,
    });
    expect(list.map((a) => a.id)).not.toContain(doneActionId);
  });

  it("shows viewers only the actions of finalized reviews", async () => {
    const list = await (await org.as("viewer")).correctiveActions.listOpen();
    expect(list.map((a) => a.id)).toEqual([memberActionId]);
    expect(list[0]?.canUpdate).toBe(false);
  });

  it("keeps other organizations' actions out", async () => {
    const other = await createReviewOrganization(handle.db);
    expect(await (await other.as("admin")).correctiveActions.listOpen()).toEqual([]);
  });
});

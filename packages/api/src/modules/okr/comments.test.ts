import { comments, type Database, sql } from "@meridian/db";
import type { TCommentCreate } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import {
  activityByDetail,
  callerFor,
  clientErrorOf,
  commentRow,
  createOrganizationWithOkr,
  DEMO,
  DEMO_TITLES,
  noWriteChecks,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";

const { PIPELINE, PRIVATE, HIRING } = DEMO_TITLES;

const demo = useDemoDatabase();

/** Beyond writeSnapshot (activity, check-ins and key results): the comments table. */
const commentCount = async (db: Database) => {
  const [row] = await db.select({ comments: sql<number>`count(*)::int` }).from(comments);
  return { comments: row?.comments };
};
const { state, rejected } = noWriteChecks(demo, commentCount);

const activityFor = (commentId: string) => activityByDetail(demo.db, "commentId", commentId);

describe("comments.create", () => {
  it("adds a comment to an objective, shows it in objectives.get and logs it in the same transaction", async () => {
    const pipeline = await demo.objectiveId(PIPELINE);
    const memberId = await userIdOf(demo.db, DEMO.member);
    const before = await state();
    const member = await callerFor(demo.db, DEMO.member);
    const created = await member.comments.create({
      objectiveId: pipeline,
      body: "  Happy to own the partner webinars.  ",
    });
    expect(created).toEqual({ id: expect.any(String), createdAt: expect.any(Date) });

    expect(await commentRow(demo.db, created.id)).toMatchObject({
      organizationId: demo.orgId,
      objectiveId: pipeline,
      keyResultId: null,
      authorId: memberId,
      body: "Happy to own the partner webinars.",
    });
    const after = await state();
    expect(after.comments).toBe((before.comments ?? 0) + 1);
    expect(after.activity).toBe(before.activity + 1);
    const [activity, ...more] = await activityFor(created.id);
    expect(more).toEqual([]);
    expect(activity).toMatchObject({
      action: "comment.created",
      actorId: memberId,
      entityType: "objective",
      entityId: pipeline,
      details: { commentId: created.id, keyResultId: null },
    });
    expect(activity?.createdAt.getTime()).toBe(created.createdAt.getTime());

    const got = await (await callerFor(demo.db, DEMO.viewer)).objectives.get({ objectiveId: pipeline });
    expect(got?.comments.at(-1)).toMatchObject({
      id: created.id,
      keyResultId: null,
      body: "Happy to own the partner webinars.",
      authorName: "Sam Rivera",
    });
    expect(got?.activity[0]).toMatchObject({ action: "comment.created", actorName: "Sam Rivera" });
  });

  it("adds a comment to a key result, filed under its objective", async () => {
    const keyResultId = await demo.keyResultId("Cost per lead");
    const pipeline = await demo.objectiveId(PIPELINE);
    const manager = await callerFor(demo.db, DEMO.manager);
    const created = await manager.comments.create({ keyResultId, body: "Paid social is dragging this up." });
    expect(await commentRow(demo.db, created.id)).toMatchObject({ objectiveId: pipeline, keyResultId });
    expect((await activityFor(created.id))[0]).toMatchObject({
      entityType: "objective",
      entityId: pipeline,
      details: { commentId: created.id, keyResultId },
    });
    const got = await manager.objectives.get({ objectiveId: pipeline });
    expect(got?.comments.find((c) => c.id === created.id)).toMatchObject({ keyResultId, authorName: "Maya Chen" });
  });

  it("lets anyone who may write and can see the objective comment, on a team they are not in", async () => {
    const lena = await callerFor(demo.db, DEMO.lena);
    expect(
      (await lena.comments.create({ objectiveId: await demo.objectiveId(PIPELINE), body: "Engineering can help." })).id,
    ).toEqual(expect.any(String));
    const ravi = await callerFor(demo.db, DEMO.ravi);
    expect(
      (await ravi.comments.create({ objectiveId: await demo.objectiveId(PRIVATE), body: "Note to self." })).id,
    ).toEqual(expect.any(String));
  });

  it("refuses the viewer with FORBIDDEN, on an objective and on a key result, writing nothing", async () => {
    const viewer = await callerFor(demo.db, DEMO.viewer);
    const objective = await demo.objectiveId(PIPELINE);
    const keyResultId = await demo.keyResultId("Cost per lead");
    expect(
      (await rejected("FORBIDDEN", () => viewer.comments.create({ objectiveId: objective, body: "Nice." }))).message,
    ).toBe("Your role does not allow this.");
    await rejected("FORBIDDEN", () => viewer.comments.create({ keyResultId, body: "Nice." }));
  });

  it.each([
    ["Ravi's private objective", () => demo.objectiveId(PRIVATE), "objectiveId", "No such objective."],
    [
      "a key result of Ravi's private objective",
      () => demo.keyResultId("Mentoring sessions held"),
      "keyResultId",
      "No such objective.",
    ],
    ["Engineering's draft", () => demo.objectiveId(HIRING), "objectiveId", "No such objective."],
  ])("answers NOT_FOUND when the member comments on %s, writing nothing", async (_, target, field, message) => {
    const member = await callerFor(demo.db, DEMO.member);
    const input = { [field]: await target(), body: "Hello?" } as TCommentCreate;
    expect((await rejected("NOT_FOUND", () => member.comments.create(input))).message).toBe(message);
  });

  it("answers NOT_FOUND for another organization's objective and key result, writing nothing", async () => {
    const other = await createOrganizationWithOkr(demo.db);
    const admin = await callerFor(demo.db, DEMO.admin);
    expect(
      (await rejected("NOT_FOUND", () => admin.comments.create({ objectiveId: other.objective.id, body: "Hi" })))
        .message,
    ).toBe("No such objective.");
    expect(
      (await rejected("NOT_FOUND", () => admin.comments.create({ keyResultId: other.keyResult.id, body: "Hi" })))
        .message,
    ).toBe("No such key result.");
  });

  it.each([
    ["a blank body", { body: "   " }, "body", "Write a comment."],
    ["a 4001-character body", { body: "x".repeat(4001) }, "body", "Keep the comment under 4000 characters."],
    [
      "both an objective and a key result",
      { both: true },
      "objectiveId",
      "A comment belongs to one objective or one key result.",
    ],
    [
      "neither an objective nor a key result",
      { neither: true },
      "objectiveId",
      "A comment belongs to one objective or one key result.",
    ],
    ["an objective id that is not a UUID", { objectiveId: "pipeline" }, "objectiveId", "Must be a valid id."],
  ])("rejects %s with BAD_REQUEST and a clear message, writing nothing", async (_, bad, field, message) => {
    const member = await callerFor(demo.db, DEMO.member);
    const objective = await demo.objectiveId(PIPELINE);
    const keyResultId = await demo.keyResultId("Cost per lead");
    const { both, neither, ...rest } = bad as {
      both?: boolean;
      neither?: boolean;
      body?: string;
      objectiveId?: string;
    };
    const input: TCommentCreate = {
      body: "A fine comment.",
      ...(neither ? {} : { objectiveId: objective }),
      ...(both ? { keyResultId } : {}),
      ...rest,
    };
    const error = await rejected("BAD_REQUEST", () => member.comments.create(input));
    const client = clientErrorOf(error, "comments.create");
    expect(client.shape.message).toBe(message);
    expect(client.shape.data.fieldErrors).toEqual({ [field]: [message] });
  });
});

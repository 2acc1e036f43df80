import { and, comments, eq, keyResults } from "@meridian/db";
import type { ZCommentCreateSchema } from "@meridian/domain";
import type { z } from "zod";
import { recordActivity } from "../../lib/activity";
import { badRequest, notFound } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { notifyComment } from "../notifications/comment-events";
import { findVisibleObjective } from "./objective-rows";

/** A comment on an objective, or on one of its key results; anyone who can see it and may write. */
export function createComment(scope: ViewerScope, input: z.output<typeof ZCommentCreateSchema>) {
  const organizationId = scope.org.id;
  return scope.db.transaction(async (tx) => {
    let objectiveId = input.objectiveId;
    if (input.keyResultId) {
      const [kr] = await tx
        .select({ objectiveId: keyResults.objectiveId })
        .from(keyResults)
        .where(and(eq(keyResults.id, input.keyResultId), eq(keyResults.organizationId, organizationId)))
        .limit(1);
      if (!kr) throw notFound("No such key result.");
      objectiveId = kr.objectiveId;
    }
    if (!objectiveId) throw badRequest("Say what the comment is about.");
    const objective = await findVisibleObjective(tx, organizationId, scope.viewer, objectiveId);
    const [created] = await tx
      .insert(comments)
      .values({
        organizationId,
        objectiveId,
        keyResultId: input.keyResultId ?? null,
        authorId: scope.user.id,
        body: input.body,
      })
      .returning({ id: comments.id, createdAt: comments.createdAt });
    if (!created) throw new Error("comment was not created");
    await recordActivity(tx, {
      organizationId,
      actorId: scope.user.id,
      entityType: "objective",
      entityId: objectiveId,
      action: "comment.created",
      details: { commentId: created.id, keyResultId: input.keyResultId ?? null },
    });
    await notifyComment(tx, {
      organizationId,
      authorId: scope.user.id,
      commentId: created.id,
      body: input.body,
      objective,
      keyResultId: input.keyResultId ?? null,
    });
    return created;
  });
}

import { and, comments, eq, keyResults } from "@meridian/db";
import { ZCommentCreateSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { loadViewer } from "../../lib/viewer";
import { orgProcedure, router } from "../../trpc";
import { findVisibleObjective } from "./objective-rows";

export const commentsRouter = router({
  /** A comment on an objective, or on one of its key results; anyone who can see it and may write. */
  create: orgProcedure("comment.create")
    .input(ZCommentCreateSchema)
    .mutation(async ({ ctx, input }) => {
      const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
      return ctx.db.transaction(async (tx) => {
        let objectiveId = input.objectiveId;
        if (input.keyResultId) {
          const [kr] = await tx
            .select({ objectiveId: keyResults.objectiveId })
            .from(keyResults)
            .where(and(eq(keyResults.id, input.keyResultId), eq(keyResults.organizationId, ctx.org.id)))
            .limit(1);
          if (!kr) throw new TRPCError({ code: "NOT_FOUND", message: "No such key result." });
          objectiveId = kr.objectiveId;
        }
        if (!objectiveId) throw new TRPCError({ code: "BAD_REQUEST", message: "Say what the comment is about." });
        await findVisibleObjective(tx, ctx.org.id, viewer, objectiveId);
        const [created] = await tx
          .insert(comments)
          .values({
            organizationId: ctx.org.id,
            objectiveId,
            keyResultId: input.keyResultId ?? null,
            authorId: ctx.user.id,
            body: input.body,
          })
          .returning({ id: comments.id, createdAt: comments.createdAt });
        if (!created) throw new Error("comment was not created");
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "objective",
          entityId: objectiveId,
          action: "comment.created",
          details: { commentId: created.id, keyResultId: input.keyResultId ?? null },
        });
        return created;
      });
    }),
});

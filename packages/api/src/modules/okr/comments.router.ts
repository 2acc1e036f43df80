import { ZCommentCreateSchema } from "@meridian/domain";
import { router, viewerProcedure } from "../../trpc";
import { createComment } from "./comments.commands";

const comment = viewerProcedure("comment.create");

export const commentsRouter = router({
  /** A comment on an objective or one of its key results. */
  create: comment.input(ZCommentCreateSchema).mutation(({ ctx, input }) => createComment(ctx, input)),
});

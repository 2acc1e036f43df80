import { ZGradeSchema, ZKeyResultCreateSchema, ZKeyResultRefSchema, ZKeyResultUpdateSchema } from "@meridian/domain";
import { router, viewerProcedure } from "../../trpc";
import { archiveKeyResult, createKeyResult, gradeKeyResult, updateKeyResult } from "./key-results.commands";

export const keyResultsRouter = router({
  create: viewerProcedure("objective.write")
    .input(ZKeyResultCreateSchema)
    .mutation(({ ctx, input }) => createKeyResult(ctx, input)),
  update: viewerProcedure("objective.write")
    .input(ZKeyResultUpdateSchema)
    .mutation(({ ctx, input }) => updateKeyResult(ctx, input)),
  archive: viewerProcedure("objective.write")
    .input(ZKeyResultRefSchema)
    .mutation(({ ctx, input }) => archiveKeyResult(ctx, input)),
  /** At close: the owner keeps the suggested grade or overrides it with a reason. */
  grade: viewerProcedure("objective.write")
    .input(ZGradeSchema)
    .mutation(({ ctx, input }) => gradeKeyResult(ctx, input)),
});

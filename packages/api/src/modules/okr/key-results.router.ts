import { ZGradeSchema, ZKeyResultCreateSchema, ZKeyResultRefSchema, ZKeyResultUpdateSchema } from "@meridian/domain";
import { router, viewerProcedure } from "../../trpc";
import { archiveKeyResult, createKeyResult, gradeKeyResult, updateKeyResult } from "./key-results.commands";

const write = viewerProcedure("objective.write");

export const keyResultsRouter = router({
  create: write.input(ZKeyResultCreateSchema).mutation(({ ctx, input }) => createKeyResult(ctx, input)),
  update: write.input(ZKeyResultUpdateSchema).mutation(({ ctx, input }) => updateKeyResult(ctx, input)),
  archive: write.input(ZKeyResultRefSchema).mutation(({ ctx, input }) => archiveKeyResult(ctx, input)),
  /** At close: the owner keeps the suggested grade or overrides it with a reason. */
  grade: write.input(ZGradeSchema).mutation(({ ctx, input }) => gradeKeyResult(ctx, input)),
});

import {
  ZPerspectiveCreateSchema,
  ZPerspectiveRefSchema,
  ZPerspectiveReorderSchema,
  ZPerspectiveUpdateSchema,
} from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import {
  addDefaultPerspectives,
  createPerspective,
  removePerspective,
  reorderPerspectives,
  updatePerspective,
} from "./perspectives.commands";
import { listPerspectives } from "./perspectives.queries";

export const perspectivesRouter = router({
  /** The perspectives in order, each with how many strategic objectives it holds. */
  list: orgProcedure("scorecard.read").query(({ ctx }) => listPerspectives(ctx)),

  /** The four default perspectives, for an organization that has none. */
  addDefaults: orgProcedure("strategy.manage").mutation(({ ctx }) => addDefaultPerspectives(ctx)),

  /** A new perspective, appended as the bottom band. */
  create: orgProcedure("strategy.manage")
    .input(ZPerspectiveCreateSchema)
    .mutation(({ ctx, input }) => createPerspective(ctx, input)),

  /** Renames or reweights a perspective; a stale version is a conflict. */
  update: orgProcedure("strategy.manage")
    .input(ZPerspectiveUpdateSchema)
    .mutation(({ ctx, input }) => updatePerspective(ctx, input)),

  /** Puts the perspectives in the given order (top band first). */
  reorder: orgProcedure("strategy.manage")
    .input(ZPerspectiveReorderSchema)
    .mutation(({ ctx, input }) => reorderPerspectives(ctx, input)),

  /** Removes an empty perspective. */
  remove: orgProcedure("strategy.manage")
    .input(ZPerspectiveRefSchema)
    .mutation(({ ctx, input }) => removePerspective(ctx, input)),
});

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

const manage = orgProcedure("strategy.manage");

export const perspectivesRouter = router({
  /** The perspectives in order, each with how many strategic objectives it holds. */
  list: orgProcedure("scorecard.read").query(({ ctx }) => listPerspectives(ctx)),
  /** The four default perspectives, for an organization that has none. */
  addDefaults: manage.mutation(({ ctx }) => addDefaultPerspectives(ctx)),
  /** A new perspective, appended as the bottom band. */
  create: manage.input(ZPerspectiveCreateSchema).mutation(({ ctx, input }) => createPerspective(ctx, input)),
  /** Renames or reweights a perspective; a stale version is a conflict. */
  update: manage.input(ZPerspectiveUpdateSchema).mutation(({ ctx, input }) => updatePerspective(ctx, input)),
  /** Puts the perspectives in the given order (top band first). */
  reorder: manage.input(ZPerspectiveReorderSchema).mutation(({ ctx, input }) => reorderPerspectives(ctx, input)),
  /** Removes an empty perspective. */
  remove: manage.input(ZPerspectiveRefSchema).mutation(({ ctx, input }) => removePerspective(ctx, input)),
});

import { ZCorrectiveActionCreateSchema, ZCorrectiveActionUpdateSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { createCorrectiveAction, updateCorrectiveAction } from "./corrective-actions.commands";
import { listOpenActions } from "./corrective-actions.queries";

export const correctiveActionsRouter = router({
  /** A corrective action agreed in an open review, about one of its subjects; a repeat returns the same one. */
  create: orgProcedure("review.manage")
    .input(ZCorrectiveActionCreateSchema)
    .mutation(({ ctx, input }) => createCorrectiveAction(ctx, input)),
  /** Updates a live action, even after its review was finalized; members only their own. */
  update: orgProcedure("action.update")
    .input(ZCorrectiveActionUpdateSchema)
    .mutation(({ ctx, input }) => updateCorrectiveAction(ctx, input)),
  /** Open and in-progress actions of the organization, soonest due first. */
  listOpen: orgProcedure("review.read").query(({ ctx }) => listOpenActions(ctx)),
});

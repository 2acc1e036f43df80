import { ZCorrectiveActionCreateSchema, ZCorrectiveActionUpdateSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { createCorrectiveAction, updateCorrectiveAction } from "./corrective-actions.commands";
import { listOpenActions } from "./corrective-actions.queries";

const read = orgProcedure("review.read");
const manage = orgProcedure("review.manage");
const updateAction = orgProcedure("action.update");

export const correctiveActionsRouter = router({
  /** A corrective action agreed in an open review, about one of its subjects; a repeat returns the same one. */
  create: manage.input(ZCorrectiveActionCreateSchema).mutation(({ ctx, input }) => createCorrectiveAction(ctx, input)),
  /** Updates a live action, even after its review was finalized; members only their own. */
  update: updateAction
    .input(ZCorrectiveActionUpdateSchema)
    .mutation(({ ctx, input }) => updateCorrectiveAction(ctx, input)),
  /** Open and in-progress actions of the organization, soonest due first. */
  listOpen: read.query(({ ctx }) => listOpenActions(ctx)),
});

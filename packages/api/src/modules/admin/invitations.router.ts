import { ZInvitationRefSchema } from "@meridian/domain";
import { authedProcedure, router } from "../../trpc";
import { acceptInvitation, declineInvitation } from "./invitations.commands";
import { listMyInvitations } from "./invitations.queries";

/** The signed-in person's own invitations: no organization is needed, and only they can answer them. */
export const invitationsRouter = router({
  /** The organizations that invited the caller, waiting for an answer. */
  list: authedProcedure.query(({ ctx }) => listMyInvitations(ctx)),
  /** Joins the organization with the invited role. */
  accept: authedProcedure.input(ZInvitationRefSchema).mutation(({ ctx, input }) => acceptInvitation(ctx, input)),
  /** Turns the invitation down; nothing of the organization changes for the caller. */
  decline: authedProcedure.input(ZInvitationRefSchema).mutation(({ ctx, input }) => declineInvitation(ctx, input)),
});

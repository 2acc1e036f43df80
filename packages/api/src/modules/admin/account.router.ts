import { ZPasswordChangeSchema } from "@meridian/domain";
import { authedProcedure, router } from "../../trpc";
import { changePassword } from "./account.commands";

export const accountRouter = router({
  /** Replaces the caller's password (a temporary one included); every session of the user ends, this one too. */
  changePassword: authedProcedure
    .meta({ allowTemporaryPassword: true })
    .input(ZPasswordChangeSchema)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
});

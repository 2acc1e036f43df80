import {
  ZPasswordChangeSchema,
  ZProfileUpdateSchema,
  ZSessionRefSchema,
  ZSignOutEverywhereSchema,
} from "@meridian/domain";
import { authedProcedure, router } from "../../trpc";
import { changePassword, signOutEverywhere, signOutSession, updateProfile } from "./account.commands";
import { getProfile, listSessions } from "./account.queries";

// One's own account: every signed-in person has one, whatever their role, in any organization or none.
export const accountRouter = router({
  /** Replaces the caller's password (a temporary one included); every session of the user ends, this one too. */
  changePassword: authedProcedure
    .meta({ allowTemporaryPassword: true })
    .input(ZPasswordChangeSchema)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
  /** The caller's name, email, time zone and the version a save names. */
  profile: authedProcedure.query(({ ctx }) => getProfile(ctx)),
  /** Saves the caller's name and time zone; a stale version is a conflict. */
  updateProfile: authedProcedure.input(ZProfileUpdateSchema).mutation(({ ctx, input }) => updateProfile(ctx, input)),
  /** Where the caller is signed in, this session marked. */
  sessions: authedProcedure.query(({ ctx }) => listSessions(ctx)),
  /** Signs out one of the caller's own sessions. */
  signOutSession: authedProcedure.input(ZSessionRefSchema).mutation(({ ctx, input }) => signOutSession(ctx, input)),
  /** Signs out every session of the caller, or every other one. */
  signOutEverywhere: authedProcedure
    .input(ZSignOutEverywhereSchema)
    .mutation(({ ctx, input }) => signOutEverywhere(ctx, input)),
});

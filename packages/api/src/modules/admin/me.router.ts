import { authedProcedure, router } from "../../trpc";
import { getMe } from "./me.queries";

export const meRouter = router({
  /** Who is signed in, their organizations, and what they may do in the current one. */
  get: authedProcedure.meta({ allowTemporaryPassword: true }).query(({ ctx }) => getMe(ctx)),
});

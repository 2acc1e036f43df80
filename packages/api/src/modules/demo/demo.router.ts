import { publicProcedure, router } from "../../trpc";
import { demoAccounts } from "./demo.queries";

export const demoRouter = router({
  /** The demo sign-ins for the login page, in demo mode; empty on a real install. */
  accounts: publicProcedure.query(({ ctx }) => demoAccounts(ctx)),
});

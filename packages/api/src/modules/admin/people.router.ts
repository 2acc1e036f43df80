import { orgProcedure, router } from "../../trpc";
import { listPeople } from "./people.queries";

export const peopleRouter = router({
  /** The organization's active people, for choosing owners; no emails, which only admins see. */
  list: orgProcedure("organization.read").query(({ ctx }) => listPeople(ctx)),
});

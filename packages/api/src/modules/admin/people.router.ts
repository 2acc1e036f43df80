import { ZPeopleListSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { listPeople } from "./people.queries";

export const peopleRouter = router({
  /**
   * A page of the organization's active people by name, for choosing owners (`q` searches the
   * name, `ids` names the people a form holds); no emails, which only admins see.
   */
  list: orgProcedure("organization.read")
    .input(ZPeopleListSchema)
    .query(({ ctx, input }) => listPeople(ctx, input)),
});

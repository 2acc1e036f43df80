import { ZAuditQuerySchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { listAuditEntityTypes, listAuditEntries } from "./audit.queries";

export const auditRouter = router({
  /** The activity log, newest first, filtered by who, what kind of thing, and when. */
  list: orgProcedure("audit.read")
    .input(ZAuditQuerySchema)
    .query(({ ctx, input }) => listAuditEntries(ctx, input)),
  /** The values the filters offer: entity types seen in this organization's log. */
  entityTypes: orgProcedure("audit.read").query(({ ctx }) => listAuditEntityTypes(ctx)),
});

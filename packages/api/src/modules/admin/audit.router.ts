import { ZAuditQuerySchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { listAuditEntityTypes, listAuditEntries } from "./audit.queries";

const read = orgProcedure("audit.read");

export const auditRouter = router({
  /** The activity log, newest first, filtered by who, what kind of thing, and when. */
  list: read.input(ZAuditQuerySchema).query(({ ctx, input }) => listAuditEntries(ctx, input)),
  /** The values the filters offer: entity types seen in this organization's log. */
  entityTypes: read.query(({ ctx }) => listAuditEntityTypes(ctx)),
});

import type { Database } from "@meridian/db";
import type { CycleStatus, Role, Viewer } from "@meridian/domain";

/**
 * Who acts, and in which organization: what every query and command of a
 * module is scoped by. A procedure's context satisfies it as it is, so a
 * router passes `ctx` straight through, and a test or a job can build one
 * without tRPC.
 */
export interface OrgScope {
  db: Database;
  org: { id: string; role: Role };
  user: { id: string };
  /**
   * The organization's cycles, newest first, when the request already read them with its membership
   * (every procedure does, in the same statement); a job or a test may leave them out.
   */
  cycles?: readonly OrganizationCycle[];
}

/** A cycle as it is stored; dates are inclusive calendar dates, "YYYY-MM-DD". */
export interface OrganizationCycle {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: CycleStatus;
  version: number;
}

/** An `OrgScope` with the caller's teams, for what the visibility rules decide (from `viewerProcedure`). */
export interface ViewerScope extends OrgScope {
  viewer: Viewer;
}

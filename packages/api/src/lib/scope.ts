import type { Database } from "@meridian/db";
import type { Role, Viewer } from "@meridian/domain";

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
}

/** An `OrgScope` with the caller's teams, for what the visibility rules decide (from `viewerProcedure`). */
export interface ViewerScope extends OrgScope {
  viewer: Viewer;
}

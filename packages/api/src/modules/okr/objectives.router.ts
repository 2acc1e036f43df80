import {
  ZBranchSchema,
  ZDashboardInputSchema,
  ZObjectiveCreateSchema,
  ZObjectiveIdSchema,
  ZObjectiveListSchema,
  ZObjectiveRefSchema,
  ZObjectiveUpdateSchema,
} from "@meridian/domain";
import { router, viewerProcedure } from "../../trpc";
import { getBranch, getDashboard } from "./dashboard.queries";
import { getMyOkrs, getTeamAttention } from "./home.queries";
import { archiveObjective, createObjective, publishObjective, updateObjective } from "./objectives.commands";
import { getObjective, listObjectives } from "./objectives.queries";

const read = viewerProcedure("objective.read");
const write = viewerProcedure("objective.write");

export const objectivesRouter = router({
  /** The cycle's status totals and a page of its root objectives, lean. */
  dashboard: read.input(ZDashboardInputSchema).query(({ ctx, input }) => getDashboard(ctx, input)),
  /** One opened objective: its key results and a page of what aligns under it. */
  branch: read.input(ZBranchSchema).query(({ ctx, input }) => getBranch(ctx, input)),
  /** My OKRs: what the caller owns in the current cycle and the check-ins due from them. */
  mine: read.query(({ ctx }) => getMyOkrs(ctx)),
  /** The teams the caller leads: their objectives, and what needs attention. */
  teamAttention: read.query(({ ctx }) => getTeamAttention(ctx)),
  /** A page of the cycle's visible objectives, filtered and searched. */
  list: read.input(ZObjectiveListSchema).query(({ ctx, input }) => listObjectives(ctx, input)),
  /** One objective with its history, discussion, activity and what the caller may do. */
  get: read.input(ZObjectiveIdSchema).query(({ ctx, input }) => getObjective(ctx, input)),
  create: write.input(ZObjectiveCreateSchema).mutation(({ ctx, input }) => createObjective(ctx, input)),
  /** Edits an objective; a stale version is a conflict carrying the current values. */
  update: write.input(ZObjectiveUpdateSchema).mutation(({ ctx, input }) => updateObjective(ctx, input)),
  /** Draft → active. */
  publish: write.input(ZObjectiveRefSchema).mutation(({ ctx, input }) => publishObjective(ctx, input)),
  archive: write.input(ZObjectiveRefSchema).mutation(({ ctx, input }) => archiveObjective(ctx, input)),
});

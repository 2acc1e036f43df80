import {
  ZDashboardInputSchema,
  ZObjectiveCreateSchema,
  ZObjectiveIdSchema,
  ZObjectiveListSchema,
  ZObjectiveRefSchema,
  ZObjectiveUpdateSchema,
} from "@meridian/domain";
import { router, viewerProcedure } from "../../trpc";
import { archiveObjective, createObjective, publishObjective, updateObjective } from "./objectives.commands";
import { getDashboard, getMyOkrs, getObjective, getTeamAttention, listObjectives } from "./objectives.queries";

const read = viewerProcedure("objective.read");
const write = viewerProcedure("objective.write");

export const objectivesRouter = router({
  /** The cycle's visible objectives as an alignment tree with progress and status. */
  dashboard: read.input(ZDashboardInputSchema).query(({ ctx, input }) => getDashboard(ctx, input)),
  /** My OKRs: what the caller owns in the current cycle and the check-ins due from them. */
  mine: read.query(({ ctx }) => getMyOkrs(ctx)),
  /** The teams the caller leads: their objectives, and what needs attention. */
  teamAttention: read.query(({ ctx }) => getTeamAttention(ctx)),
  /** A flat, filtered list of the cycle's visible objectives. */
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

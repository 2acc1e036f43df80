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

export const objectivesRouter = router({
  /** The cycle's visible objectives as an alignment tree with progress and status. */
  dashboard: viewerProcedure("objective.read")
    .input(ZDashboardInputSchema)
    .query(({ ctx, input }) => getDashboard(ctx, input)),
  /** My OKRs: what the caller owns in the current cycle and the check-ins due from them. */
  mine: viewerProcedure("objective.read").query(({ ctx }) => getMyOkrs(ctx)),
  /** The teams the caller leads: their objectives, and what needs attention. */
  teamAttention: viewerProcedure("objective.read").query(({ ctx }) => getTeamAttention(ctx)),
  /** A flat, filtered list of the cycle's visible objectives. */
  list: viewerProcedure("objective.read")
    .input(ZObjectiveListSchema)
    .query(({ ctx, input }) => listObjectives(ctx, input)),
  /** One objective with its history, discussion, activity and what the caller may do. */
  get: viewerProcedure("objective.read")
    .input(ZObjectiveIdSchema)
    .query(({ ctx, input }) => getObjective(ctx, input)),
  create: viewerProcedure("objective.write")
    .input(ZObjectiveCreateSchema)
    .mutation(({ ctx, input }) => createObjective(ctx, input)),
  /** Edits an objective; a stale version is a conflict carrying the current values. */
  update: viewerProcedure("objective.write")
    .input(ZObjectiveUpdateSchema)
    .mutation(({ ctx, input }) => updateObjective(ctx, input)),
  /** Draft → active. */
  publish: viewerProcedure("objective.write")
    .input(ZObjectiveRefSchema)
    .mutation(({ ctx, input }) => publishObjective(ctx, input)),
  archive: viewerProcedure("objective.write")
    .input(ZObjectiveRefSchema)
    .mutation(({ ctx, input }) => archiveObjective(ctx, input)),
});

import { ZScorecardKpisSchema, ZScorecardPeriodSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { scorecardHeatMap, scorecardKpis, scorecardTree } from "./scorecard.queries";

const read = orgProcedure("scorecard.read");

export const scorecardRouter = router({
  /** The scored tree for one quarter down to strategic objectives, each with its eight-quarter trend. */
  tree: read.input(ZScorecardPeriodSchema).query(({ ctx, input }) => scorecardTree(ctx, input)),
  /** One strategic objective's KPIs (or the unlinked ones), scored, with their trends: an opened row of the tree. */
  kpis: read.input(ZScorecardKpisSchema).query(({ ctx, input }) => scorecardKpis(ctx, input)),
  /** Perspectives × the eight quarters ending with the chosen one, and the scorecard's own row. */
  heatMap: read.input(ZScorecardPeriodSchema).query(({ ctx, input }) => scorecardHeatMap(ctx, input)),
});

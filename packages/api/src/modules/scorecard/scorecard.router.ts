import { ZScorecardPeriodSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { scorecardHeatMap, scorecardTree } from "./scorecard.queries";

const read = orgProcedure("scorecard.read").input(ZScorecardPeriodSchema);

export const scorecardRouter = router({
  /** The scored tree for one quarter, each node with its eight-quarter trend. */
  tree: read.query(({ ctx, input }) => scorecardTree(ctx, input)),
  /** Perspectives × the eight quarters ending with the chosen one, and the scorecard's own row. */
  heatMap: read.query(({ ctx, input }) => scorecardHeatMap(ctx, input)),
});

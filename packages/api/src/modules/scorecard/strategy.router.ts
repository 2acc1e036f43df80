import {
  ZStrategicObjectiveCreateSchema,
  ZStrategicObjectiveRefSchema,
  ZStrategicObjectiveUpdateSchema,
  ZStrategyLinkSchema,
  ZStrategyMapInputSchema,
  ZStrategyUnlinkSchema,
} from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import {
  createStrategicObjective,
  linkStrategicObjectives,
  removeStrategicObjective,
  unlinkStrategicObjectives,
  updateStrategicObjective,
} from "./strategy.commands";
import { strategyMap } from "./strategy.queries";

const manage = orgProcedure("strategy.manage");

export const strategyRouter = router({
  /** The strategy map of one quarter: scored bands, their strategic objectives, the cause → effect links. */
  map: orgProcedure("scorecard.read")
    .input(ZStrategyMapInputSchema)
    .query(({ ctx, input }) => strategyMap(ctx, input)),
  /** A new strategic objective in a perspective's band. */
  createObjective: manage
    .input(ZStrategicObjectiveCreateSchema)
    .mutation(({ ctx, input }) => createStrategicObjective(ctx, input)),
  /** Edits a strategic objective, or moves it to another perspective. */
  updateObjective: manage
    .input(ZStrategicObjectiveUpdateSchema)
    .mutation(({ ctx, input }) => updateStrategicObjective(ctx, input)),
  /** Removes a strategic objective with its links; its KPIs and aligned OKRs stay, unlinked. */
  removeObjective: manage
    .input(ZStrategicObjectiveRefSchema)
    .mutation(({ ctx, input }) => removeStrategicObjective(ctx, input)),
  /** Draws a cause → effect arrow; the same pair again adds nothing. */
  link: manage.input(ZStrategyLinkSchema).mutation(({ ctx, input }) => linkStrategicObjectives(ctx, input)),
  unlink: manage.input(ZStrategyUnlinkSchema).mutation(({ ctx, input }) => unlinkStrategicObjectives(ctx, input)),
});

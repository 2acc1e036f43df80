import { teamsRest } from "../modules/admin/teams.rest";
import { campaignsRest } from "../modules/campaigns/campaigns.rest";
import { experimentsRest } from "../modules/experiments/experiments.rest";
import { checkInsRest } from "../modules/okr/check-ins.rest";
import { cyclesRest } from "../modules/okr/cycles.rest";
import { keyResultsRest } from "../modules/okr/key-results.rest";
import { objectivesRest } from "../modules/okr/objectives.rest";
import { reviewsRest } from "../modules/reviews/reviews.rest";
import { kpisRest } from "../modules/scorecard/kpis.rest";
import { scorecardRest } from "../modules/scorecard/scorecard.rest";
import { router } from "../trpc";

/**
 * The public REST API (`/api/v1`, ADR 0025): procedures with an `openapi` route, each calling the
 * same queries and commands as the app's own procedures. It is a router of its own so that the
 * app's tRPC endpoint never serves a token-authenticated procedure, and the REST endpoint nothing else.
 * Each area adds its routes in its module's `*.rest.ts`.
 */
export const restRouter = router({
  objectives: objectivesRest,
  cycles: cyclesRest,
  teams: teamsRest,
  keyResults: keyResultsRest,
  checkIns: checkInsRest,
  kpis: kpisRest,
  scorecard: scorecardRest,
  reviews: reviewsRest,
  campaigns: campaignsRest,
  experiments: experimentsRest,
});

export type RestRouter = typeof restRouter;

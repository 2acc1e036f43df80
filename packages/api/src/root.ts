import { accountRouter } from "./routers/account";
import { apiTokensRouter } from "./routers/api-tokens";
import { auditRouter } from "./routers/audit";
import { benchmarksRouter } from "./routers/benchmarks";
import { checkInsRouter } from "./routers/check-ins";
import { commentsRouter } from "./routers/comments";
import { correctiveActionsRouter } from "./routers/corrective-actions";
import { cyclesRouter } from "./routers/cycles";
import { demoRouter } from "./routers/demo";
import { keyResultsRouter } from "./routers/key-results";
import { kpiActualsRouter } from "./routers/kpi-actuals";
import { kpisRouter } from "./routers/kpis";
import { meRouter } from "./routers/me";
import { objectivesRouter } from "./routers/objectives";
import { organizationsRouter } from "./routers/organizations";
import { peopleRouter } from "./routers/people";
import { perspectivesRouter } from "./routers/perspectives";
import { reviewsRouter } from "./routers/reviews";
import { scorecardRouter } from "./routers/scorecard";
import { strategyRouter } from "./routers/strategy";
import { teamsRouter } from "./routers/teams";
import { usersRouter } from "./routers/users";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRouter,
  cycles: cyclesRouter,
  teams: teamsRouter,
  people: peopleRouter,
  objectives: objectivesRouter,
  keyResults: keyResultsRouter,
  checkIns: checkInsRouter,
  comments: commentsRouter,
  demo: demoRouter,
  account: accountRouter,
  users: usersRouter,
  organizations: organizationsRouter,
  audit: auditRouter,
  perspectives: perspectivesRouter,
  strategy: strategyRouter,
  scorecard: scorecardRouter,
  kpis: kpisRouter,
  kpiActuals: kpiActualsRouter,
  benchmarks: benchmarksRouter,
  apiTokens: apiTokensRouter,
  reviews: reviewsRouter,
  correctiveActions: correctiveActionsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

import { checkInsRouter } from "./routers/check-ins";
import { cyclesRouter } from "./routers/cycles";
import { demoRouter } from "./routers/demo";
import { meRouter } from "./routers/me";
import { objectivesRouter } from "./routers/objectives";
import { teamsRouter } from "./routers/teams";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRouter,
  cycles: cyclesRouter,
  teams: teamsRouter,
  objectives: objectivesRouter,
  checkIns: checkInsRouter,
  demo: demoRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { checkInsRouter } from "./routers/check-ins";
import { commentsRouter } from "./routers/comments";
import { cyclesRouter } from "./routers/cycles";
import { demoRouter } from "./routers/demo";
import { keyResultsRouter } from "./routers/key-results";
import { meRouter } from "./routers/me";
import { objectivesRouter } from "./routers/objectives";
import { organizationsRouter } from "./routers/organizations";
import { peopleRouter } from "./routers/people";
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
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

import { accountRouter } from "./modules/admin/account.router";
import { auditRouter } from "./modules/admin/audit.router";
import { invitationsRouter } from "./modules/admin/invitations.router";
import { meRouter } from "./modules/admin/me.router";
import { organizationsRouter } from "./modules/admin/organizations.router";
import { peopleRouter } from "./modules/admin/people.router";
import { teamsRouter } from "./modules/admin/teams.router";
import { usersRouter } from "./modules/admin/users.router";
import { calendarFeedRouter, campaignsRouter } from "./modules/campaigns/campaigns.router";
import { demoRouter } from "./modules/demo/demo.router";
import { experimentsRouter } from "./modules/experiments/experiments.router";
import { apiTokensRouter } from "./modules/integrations/api-tokens.router";
import { notificationsRouter } from "./modules/notifications/notifications.router";
import { checkInsRouter } from "./modules/okr/check-ins.router";
import { commentsRouter } from "./modules/okr/comments.router";
import { cyclesRouter } from "./modules/okr/cycles.router";
import { keyResultsRouter } from "./modules/okr/key-results.router";
import { objectivesRouter } from "./modules/okr/objectives.router";
import { correctiveActionsRouter } from "./modules/reviews/corrective-actions.router";
import { reviewsRouter } from "./modules/reviews/reviews.router";
import { benchmarksRouter } from "./modules/scorecard/benchmarks.router";
import { kpiActualsRouter } from "./modules/scorecard/kpi-actuals.router";
import { kpisRouter } from "./modules/scorecard/kpis.router";
import { perspectivesRouter } from "./modules/scorecard/perspectives.router";
import { scorecardRouter } from "./modules/scorecard/scorecard.router";
import { strategyRouter } from "./modules/scorecard/strategy.router";
import { webhooksRouter } from "./modules/webhooks/webhooks.router";
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
  invitations: invitationsRouter,
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
  experiments: experimentsRouter,
  campaigns: campaignsRouter,
  calendarFeed: calendarFeedRouter,
  notifications: notificationsRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

export { runningExperiments } from "./modules/experiments/experiments.queries";
export { handleIngestActuals } from "./modules/integrations/actuals-endpoint";
export { handleIngestExperimentResults } from "./modules/integrations/experiments-endpoint";
export type { CycleView } from "./modules/okr/cycles.queries";
export type { Branch, Dashboard } from "./modules/okr/dashboard.queries";
export type { KeyResultView, ObjectiveNode, ObjectiveSummary } from "./modules/okr/objective-summaries";
export { type AppRouter, appRouter, createCaller } from "./root";
export { type Context, createContext, DATABASE_UNAVAILABLE_MESSAGE } from "./trpc";

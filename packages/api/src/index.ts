export { handleIngestActuals } from "./modules/integrations/actuals-endpoint";
export type { CycleView } from "./modules/okr/cycles.queries";
export type { Dashboard, KeyResultView, ObjectiveNode } from "./modules/okr/dashboard.queries";
export { type AppRouter, appRouter, createCaller } from "./root";
export { type Context, createContext } from "./trpc";

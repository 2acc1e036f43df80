export { handleIngestActuals } from "./ingest/actuals-endpoint";
export type { CycleView } from "./okr/cycles";
export type { Dashboard, KeyResultView, ObjectiveNode } from "./okr/dashboard";
export { type AppRouter, appRouter, createCaller } from "./root";
export { type Context, createContext } from "./trpc";

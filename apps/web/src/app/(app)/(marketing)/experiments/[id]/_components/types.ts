import type { AppRouter } from "@meridian/api";
import type { inferRouterOutputs } from "@trpc/server";

export type ExperimentPage = inferRouterOutputs<AppRouter>["experiments"]["get"];
export type MetricResult = ExperimentPage["results"][number];

import { ZBenchmarkRemoveSchema, ZBenchmarkUpsertSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { removeBenchmark, upsertBenchmark } from "./benchmarks.commands";

export const benchmarksRouter = router({
  /** A competitor's or an industry figure for one of the KPI's periods; the same value again changes nothing. */
  upsert: orgProcedure("kpi.manage")
    .input(ZBenchmarkUpsertSchema)
    .mutation(({ ctx, input }) => upsertBenchmark(ctx, input)),

  remove: orgProcedure("kpi.manage")
    .input(ZBenchmarkRemoveSchema)
    .mutation(({ ctx, input }) => removeBenchmark(ctx, input)),
});

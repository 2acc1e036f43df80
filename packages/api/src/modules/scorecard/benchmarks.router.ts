import { ZBenchmarkRemoveSchema, ZBenchmarkUpsertSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { removeBenchmark, upsertBenchmark } from "./benchmarks.commands";

const manage = orgProcedure("kpi.manage");

export const benchmarksRouter = router({
  /** A competitor's or an industry figure for one of the KPI's periods; the same value again changes nothing. */
  upsert: manage.input(ZBenchmarkUpsertSchema).mutation(({ ctx, input }) => upsertBenchmark(ctx, input)),
  remove: manage.input(ZBenchmarkRemoveSchema).mutation(({ ctx, input }) => removeBenchmark(ctx, input)),
});

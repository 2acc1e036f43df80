import {
  ZExperimentConcludeSchema,
  ZExperimentCreateSchema,
  ZExperimentGetSchema,
  ZExperimentListSchema,
  ZExperimentResultsImportSchema,
  ZExperimentResultsSaveSchema,
  ZExperimentRunningSchema,
  ZExperimentStatusSchema,
  ZExperimentUpdateSchema,
} from "@meridian/domain";
import { router, viewerProcedure } from "../../trpc";
import { concludeExperiment, createExperiment, setExperimentStatus, updateExperiment } from "./experiments.commands";
import { getExperiment, listExperiments, runningExperiments } from "./experiments.queries";
import { importResults, previewResultsImport, saveResults } from "./results.commands";

const read = viewerProcedure("experiment.read");
const write = viewerProcedure("experiment.write");

export const experimentsRouter = router({
  /** A page of experiments, newest first, with each one's leading variant and verdict. */
  list: read.input(ZExperimentListSchema).query(({ ctx, input }) => listExperiments(ctx, input)),
  /** Running experiments, for dashboards. */
  running: read.input(ZExperimentRunningSchema).query(({ ctx, input }) => runningExperiments(ctx, input.limit)),
  /** One experiment's page: plan, variants, verdicts per metric, daily numbers, cumulative rates. */
  get: read.input(ZExperimentGetSchema).query(({ ctx, input }) => getExperiment(ctx, input.experimentId)),
  create: write.input(ZExperimentCreateSchema).mutation(({ ctx, input }) => createExperiment(ctx, input)),
  update: write.input(ZExperimentUpdateSchema).mutation(({ ctx, input }) => updateExperiment(ctx, input)),
  /** Start, stop or resume. */
  setStatus: write.input(ZExperimentStatusSchema).mutation(({ ctx, input }) => setExperimentStatus(ctx, input)),
  conclude: write.input(ZExperimentConcludeSchema).mutation(({ ctx, input }) => concludeExperiment(ctx, input)),
  /** The daily results grid; the same numbers again change nothing. */
  saveResults: write.input(ZExperimentResultsSaveSchema).mutation(({ ctx, input }) => saveResults(ctx, input)),
  /** What importing this CSV would do, row by row; writes nothing. */
  previewImport: write
    .input(ZExperimentResultsImportSchema)
    .mutation(({ ctx, input }) => previewResultsImport(ctx, input)),
  /** Imports a CSV of daily results: all rows or none. */
  importResults: write.input(ZExperimentResultsImportSchema).mutation(({ ctx, input }) => importResults(ctx, input)),
});

import { ZKpiActualsImportSchema, ZKpiActualsSaveSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { previewActualsImport } from "./actuals-import";
import { importActuals, saveActuals } from "./kpi-actuals.commands";

const write = orgProcedure("kpi.actuals.write");

export const kpiActualsRouter = router({
  /** Values of one KPI for many periods at once (the actuals grid); the same values again change nothing. */
  save: write.input(ZKpiActualsSaveSchema).mutation(({ ctx, input }) => saveActuals(ctx, input)),
  /** What importing this CSV would do, row by row, with every error; writes nothing. */
  previewImport: write.input(ZKpiActualsImportSchema).mutation(({ ctx, input }) => previewActualsImport(ctx, input)),
  /** Imports a CSV of actuals: all rows or none; a repeat of the same file changes nothing. */
  import: write.input(ZKpiActualsImportSchema).mutation(({ ctx, input }) => importActuals(ctx, input)),
});

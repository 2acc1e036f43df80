// Zod input schemas for a KPI's benchmarks, shared by the API and the forms.
import { z } from "zod";
import { ZId, ZIsoDate, zKpiNumber, zText } from "./common";

export const ZBenchmarkUpsertSchema = z.object({
  kpiId: ZId,
  /** A competitor or an industry figure: "Contoso", "Industry median". */
  source: zText().trim().min(1, "Name the source.").max(80, "Keep the source under 80 characters."),
  /** Any day of the KPI's reporting period names it. */
  periodStart: ZIsoDate,
  value: zKpiNumber("Value"),
});
export type TBenchmarkUpsert = z.infer<typeof ZBenchmarkUpsertSchema>;
export type TBenchmarkUpsertInput = z.input<typeof ZBenchmarkUpsertSchema>;

export const ZBenchmarkRemoveSchema = z.object({ benchmarkId: ZId });
export type TBenchmarkRemove = z.infer<typeof ZBenchmarkRemoveSchema>;

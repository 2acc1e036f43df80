import type { AppRouter } from "@meridian/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

/** What `kpiActuals.previewImport` answers: each row's effect or errors, and the counts. */
export type ImportPreview = Outputs["kpiActuals"]["previewImport"];
export type ImportPreviewRow = ImportPreview["rows"][number];
export type ImportRowStatus = ImportPreviewRow["status"];

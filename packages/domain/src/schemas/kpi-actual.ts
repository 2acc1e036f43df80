// Zod input schemas for KPI actuals (the actuals grid, CSV import, pushes to the ingestion endpoint), shared by the API and the forms.
import { z } from "zod";
import { ZId, ZIsoDate, zKpiNumber, zText } from "./common";

export const ZKpiActualValue = z.object({
  periodStart: ZIsoDate,
  /** Null clears the period's actual. */
  value: zKpiNumber("Value").nullable(),
});

/** Many periods of one KPI at once (the actuals grid). */
export const ZKpiActualsSaveSchema = z.object({
  kpiId: ZId,
  values: z
    .array(ZKpiActualValue, { error: "Values must be a list." })
    .min(1, "Enter at least one value.")
    .max(500, "Save at most 500 periods at once."),
});
export type TKpiActualsSave = z.infer<typeof ZKpiActualsSaveSchema>;

export const KPI_ACTUALS_CSV_MAX_CHARS = 2 * 1024 * 1024;

export const ZKpiActualsImportSchema = z.object({
  csv: zText().max(KPI_ACTUALS_CSV_MAX_CHARS, "The CSV is too large (at most 2 MB)."),
});
export type TKpiActualsImport = z.infer<typeof ZKpiActualsImportSchema>;

/** Items one push may carry; a longer history goes in several pushes. */
export const MAX_INGEST_ACTUALS = 1000;

/**
 * The body of a push to the ingestion endpoint. Each item names a KPI (its
 * name or id), a period ("2026-07-01", "2026-07" or "2026-Q3") and a value;
 * what the KPI and period mean is checked against the organization's KPIs.
 */
export const ZIngestActualsSchema = z.object(
  {
    actuals: z
      .array(
        z.object(
          {
            kpi: zText().max(200, "A KPI name or id is under 200 characters."),
            period: zText().max(20, "Write the period like 2026-07-01, 2026-07 or 2026-Q3."),
            value: z
              .number({ error: "Value must be a number." })
              .refine(Number.isFinite, "Value must be a finite number."),
          },
          { error: "Each item is an object with kpi, period and value." },
        ),
        { error: "actuals must be a list of {kpi, period, value}." },
      )
      .min(1, "Send at least one actual.")
      .max(MAX_INGEST_ACTUALS, `Send at most ${MAX_INGEST_ACTUALS} actuals per request.`),
  },
  { error: 'The body must be a JSON object like {"actuals": [{"kpi": "Revenue", "period": "2026-07", "value": 1}]}.' },
);
export type TIngestActuals = z.infer<typeof ZIngestActualsSchema>;

/** The most quarters one read of a KPI's actuals spans (five years), so no read asks for unbounded work. */
export const MAX_ACTUALS_WINDOW_QUARTERS = 20;
/** Quarters read when no window is given: today's and the seven before, as on the KPI's page. */
export const DEFAULT_ACTUALS_WINDOW_QUARTERS = 8;

const quarterIndex = (day: string) => Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3);

/**
 * The days a read of a KPI's actuals covers: `to` (default today) back to `from` (default the first
 * day of the eighth quarter ending with `to`'s), spanning at most MAX_ACTUALS_WINDOW_QUARTERS quarters.
 */
export function actualsWindow(
  input: { from?: string; to?: string },
  today: string,
): { from: string; to: string } | { error: { path: "from" | "to"; message: string } } {
  const to = input.to ?? (input.from && input.from > today ? input.from : today);
  let from = input.from;
  if (!from) {
    const q = quarterIndex(to) - (DEFAULT_ACTUALS_WINDOW_QUARTERS - 1);
    from = `${Math.floor(q / 4)}-${String((q % 4) * 3 + 1).padStart(2, "0")}-01`;
  }
  if (to < from) return { error: { path: "to", message: "The window ends before it starts." } };
  if (quarterIndex(to) - quarterIndex(from) + 1 > MAX_ACTUALS_WINDOW_QUARTERS) {
    return {
      error: { path: "from", message: `Read at most ${MAX_ACTUALS_WINDOW_QUARTERS} quarters (five years) at once.` },
    };
  }
  return { from, to };
}

/** One KPI with its actuals in a window of days (the REST API's `GET /kpis/{kpiId}`). */
export const ZKpiActualsWindowSchema = z.object({
  kpiId: ZId,
  /** The first day read; the KPI's periods starting from it on are listed. */
  from: ZIsoDate.optional(),
  /** The last day read. */
  to: ZIsoDate.optional(),
});
export type TKpiActualsWindow = z.output<typeof ZKpiActualsWindowSchema>;

/** Values of one KPI for many periods, as the REST API takes them: each period named by its first day. */
export const ZKpiActualsPutSchema = z.object({
  kpiId: ZId,
  actuals: z
    .array(
      z
        .object({
          period: ZIsoDate,
          /** Null clears the period's actual. */
          value: zKpiNumber("Value").nullable(),
        })
        .strict(),
      { error: "actuals must be a list of {period, value}." },
    )
    .min(1, "Send at least one actual.")
    .max(500, "Send at most 500 periods at once."),
});
export type TKpiActualsPut = z.output<typeof ZKpiActualsPutSchema>;

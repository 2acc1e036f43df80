// Zod input schemas for this area, shared by the API and the forms.
import { z } from "zod";
import { ZId, zText } from "./common";

export const ZApiTokenCreateSchema = z.object({
  name: zText()
    .trim()
    .min(1, "Give the token a name, such as the system that will use it.")
    .max(80, "Keep the name under 80 characters."),
});
export type TApiTokenCreate = z.infer<typeof ZApiTokenCreateSchema>;

export const ZApiTokenRevokeSchema = z.object({ tokenId: ZId });
export type TApiTokenRevoke = z.infer<typeof ZApiTokenRevokeSchema>;

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

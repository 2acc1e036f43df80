import type { Database } from "@meridian/db";
import {
  type ActualEntry,
  kpiLookup,
  markDuplicateEntries,
  readActualEntry,
  ZIngestActualsSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { loadActualsKpis } from "../scorecard/actuals-import";
import { upsertActuals } from "../scorecard/upsert-actuals";
import { type IngestToken, ingestEndpoint, json } from "./ingest-request";

export { MAX_INGEST_BODY_BYTES } from "./ingest-request";

/**
 * POST /api/ingest/actuals: KPI actuals pushed by another system with an
 * organization's API token ("Authorization: Bearer mrd_…"). Every item is
 * checked first; one bad item refuses the whole push, naming each problem.
 * Values are upserted per KPI and period, so a repeated push changes nothing.
 */
export const handleIngestActuals = ingestEndpoint({
  path: "/api/ingest/actuals",
  what: "actuals",
  scope: "kpis:write",
  schema: ZIngestActualsSchema,
  apply: ingest,
});

async function ingest(
  db: Database,
  token: IngestToken,
  data: z.output<typeof ZIngestActualsSchema>,
): Promise<Response> {
  // Only this token's organization's KPIs exist here: another's id reads as unknown.
  const lookup = kpiLookup(await loadActualsKpis(db, token.organizationId));
  const entries = data.actuals.map((item) => readActualEntry(item, lookup));
  markDuplicateEntries(entries, (i) => `item ${i}`);
  const bad = entries.flatMap((entry, index) => (entry.errors.length ? [{ index, errors: entry.errors }] : []));
  if (bad.length) {
    return json(400, {
      error: `${bad.length} of ${entries.length} actuals have errors, so nothing was written. Fix them and push again.`,
      errors: bad.map(({ index, errors }) => ({ path: `actuals.${index}`, message: errors.join(" ") })),
    });
  }

  const counts = await applyPush(db, token, entries);
  return json(200, { created: counts.created, updated: counts.updated, unchanged: counts.unchanged });
}

/** Writes a checked push in one transaction, recorded against the token (its use is noted as it is admitted). */
function applyPush(db: Database, token: IngestToken, entries: readonly ActualEntry[]) {
  return db.transaction(async (tx) => {
    const result = await upsertActuals(tx, {
      organizationId: token.organizationId,
      source: "api",
      actorId: null,
      writes: entries.flatMap((e) =>
        e.kpi && e.periodStart && e.value !== null
          ? [{ kpiId: e.kpi.id, periodStart: e.periodStart, value: e.value }]
          : [],
      ),
      activity: { action: "kpi.actuals.pushed", details: { token: token.prefix, tokenName: token.name } },
    });
    return result;
  });
}

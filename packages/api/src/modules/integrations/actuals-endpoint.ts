import { and, apiTokens, type Database, eq, isDatabaseUnavailable, sql } from "@meridian/db";
import {
  type ActualEntry,
  kpiLookup,
  markDuplicateEntries,
  readActualEntry,
  ZIngestActualsSchema,
} from "@meridian/domain";
import { loadActualsKpis } from "../scorecard/actuals-import";
import { upsertActuals } from "../scorecard/upsert-actuals";
import { authenticate, type IngestToken, json, readJsonBody } from "./ingest-request";

export { MAX_INGEST_BODY_BYTES } from "./ingest-request";

/**
 * POST /api/ingest/actuals: KPI actuals pushed by another system with an
 * organization's API token ("Authorization: Bearer mrd_…"). Every item is
 * checked first; one bad item refuses the whole push, naming each problem.
 * Values are upserted per KPI and period, so a repeated push changes nothing.
 */
export async function handleIngestActuals(request: Request, db: Database): Promise<Response> {
  try {
    return await ingest(request, db);
  } catch (error) {
    // A database that cannot be reached is the web tier's 503 with Retry-After (its route wrapper answers it).
    if (isDatabaseUnavailable(error)) throw error;
    // The caller gets JSON without details (SQL, parameters); those go to the server log.
    console.error("POST /api/ingest/actuals failed", error);
    return json(500, { error: "Something went wrong on our side. Try again later." });
  }
}

async function ingest(request: Request, db: Database): Promise<Response> {
  if (request.method !== "POST") return json(405, { error: "Use POST to push actuals." }, { allow: "POST" });
  const token = await authenticate(request, db);
  if (token instanceof Response) return token;
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;

  const parsed = ZIngestActualsSchema.safeParse(read.body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return json(400, { error: errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join(" "), errors });
  }

  // Only this token's organization's KPIs exist here: another's id reads as unknown.
  const lookup = kpiLookup(await loadActualsKpis(db, token.organizationId));
  const entries = parsed.data.actuals.map((item) => readActualEntry(item, lookup));
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

/** Writes a checked push in one transaction, recorded against the token, and notes the token's use. */
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
    await tx
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiTokens.id, token.id), eq(apiTokens.organizationId, token.organizationId)));
    return result;
  });
}

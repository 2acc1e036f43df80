import { and, apiTokens, type Database, eq, sql } from "@meridian/db";
import { kpiLookup, markDuplicateEntries, readActualEntry, ZIngestActualsSchema } from "@meridian/domain";
import { loadActualsKpis } from "../scorecard/actuals-import";
import { upsertActuals } from "../scorecard/upsert-actuals";
import { bearerToken, hashApiToken } from "./api-token";

/** The largest body a push may have; 1,000 actuals take far less. */
export const MAX_INGEST_BODY_BYTES = 1024 * 1024;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });

const unauthorized = (error: string) => json(401, { error }, { "www-authenticate": 'Bearer realm="meridian"' });

/** The body as text, or null once it passes `limit` bytes (whatever Content-Length claimed). */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}

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
    // The caller gets JSON without details (SQL, parameters); those go to the server log.
    console.error("POST /api/ingest/actuals failed", error);
    return json(500, { error: "Something went wrong on our side. Try again later." });
  }
}

async function ingest(request: Request, db: Database): Promise<Response> {
  if (request.method !== "POST") return json(405, { error: "Use POST to push actuals." }, { allow: "POST" });

  const authorization = request.headers.get("authorization");
  const secret = bearerToken(authorization);
  if (!secret) {
    // A header that holds no well-formed token is a wrong token, not a missing one.
    return unauthorized(
      authorization ? "This API token is not valid." : "Send an API token in the header 'Authorization: Bearer mrd_…'.",
    );
  }
  const [token] = await db
    .select({
      id: apiTokens.id,
      organizationId: apiTokens.organizationId,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashApiToken(secret)))
    .limit(1);
  if (!token) return unauthorized("This API token is not valid.");
  if (token.revokedAt) return unauthorized("This API token has been revoked.");

  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return json(415, { error: "Send the body as JSON, with the header 'Content-Type: application/json'." });
  }
  const text = await readLimited(request, MAX_INGEST_BODY_BYTES);
  if (text === null)
    return json(413, { error: "The body is larger than 1 MB: send at most 1,000 actuals per request." });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json(400, { error: "The body is not valid JSON." });
  }

  const parsed = ZIngestActualsSchema.safeParse(body);
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

  const counts = await db.transaction(async (tx) => {
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
  return json(200, { created: counts.created, updated: counts.updated, unchanged: counts.unchanged });
}

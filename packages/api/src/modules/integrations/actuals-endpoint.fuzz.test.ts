import { activityLog, count, type Database, type DatabaseHandle, eq, kpis, ne } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createMember, createOrganization, DEMO, seedDemoOrganization } from "../../../test/support";
import { type ActualsTarget, goodIngestPayload, ingestPayload } from "../../../test/support/fuzz-actuals";
import { safeJson } from "../../../test/support/fuzz-arbitraries";
import {
  type FuzzSnapshot,
  type FuzzTable,
  fuzzInvariantViolations,
  fuzzSnapshot,
} from "../../../test/support/fuzz-snapshot";
import { handleIngestActuals, MAX_INGEST_BODY_BYTES } from "./actuals-endpoint";

/*
 * Property-based fuzzing of POST /api/ingest/actuals (handleIngestActuals),
 * with real Requests against the demo organization and a second one. Random
 * methods, Authorization headers (the demo's live token, a revoked one, the
 * second organization's, unknown, malformed, hashes), content types, declared
 * lengths and bodies (good pushes of real KPI names and periods, pushes with
 * one bad item, too many items, broken JSON, invalid UTF-8, streamed and
 * oversized bodies). For every request:
 *
 *   1. the status is never 500, and is the one the request earns: 405 for a
 *      method other than POST, 401 without a live token, 415 for a body that
 *      is not declared JSON, 413 past 1 MB, 400 for a bad body, 200 only
 *      otherwise (and always for a good push with the right headers);
 *   2. every refusal is JSON with an error message;
 *   3. nothing is written on any answer but 200 (beyond the audit row and the
 *      last use that every call with a live token writes); a 200 writes only actuals,
 *      their activity record and the token's last use, in the token's own
 *      organization, and leaves the data whole;
 *   4. no answer to the demo's token shows the second organization.
 *
 * Reproduce with the same seed; explore with another:
 *   FUZZ_SEED=123 FUZZ_SCALE=5 npx vitest run src/ingest/actuals-endpoint.fuzz.test.ts
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_522);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const URL = "http://127.0.0.1:3000/api/ingest/actuals";
const SECRET = "Zeta Confidential";

/** Whose token a request carries, if any. */
type TokenKind = "demo" | "revoked" | "other" | "unknown" | "malformed" | "hash" | "none";
type Org = "demo" | "other";

interface Plan {
  method: string;
  token: TokenKind;
  /** How the Authorization header spells the token, and whether the endpoint should accept that spelling. */
  auth: { render: (token: string) => string; accepted: boolean; label: string };
  contentType: { value: string | null; json: boolean };
  /** A Content-Length header that may lie about the body. */
  declaredLength: string | null;
  body: Body;
}

type Body =
  | { kind: "good"; org: Org; payload: unknown }
  | { kind: "json"; payload: unknown }
  | { kind: "text"; text: string }
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "stream"; chunks: string[] };

let handle: DatabaseHandle;
const tokens = new Map<TokenKind, string>();
const kpisOf = new Map<Org, ActualsTarget[]>();
let otherOrgId = "";
let demoOrgId = "";
const needles: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  demoOrgId = await seedDemoOrganization(db);
  const admin = await callerFor(db, DEMO.admin);
  tokens.set(
    "demo",
    (await admin.apiTokens.create({ name: "Fuzz warehouse", scopes: ["kpis:write", "marketing:write"] })).token,
  );
  const doomed = await admin.apiTokens.create({ name: "Fuzz revoked", scopes: ["kpis:write", "marketing:write"] });
  await admin.apiTokens.revoke({ tokenId: doomed.id });
  tokens.set("revoked", doomed.token);

  const other = await createOrganization(db, { name: `${SECRET} Holdings` });
  otherOrgId = other.id;
  const otherAdmin = await createMember(db, other.id, "admin", {
    email: "zeta.admin@zeta-confidential.test",
    name: `${SECRET} Admin`,
  });
  const zeta = await callerFor(db, otherAdmin.email);
  const otherKpis: ActualsTarget[] = [];
  for (const [name, frequency] of [
    [`${SECRET} Revenue`, "monthly"],
    [`${SECRET} Tickets`, "weekly"],
  ] as const) {
    const created = await zeta.kpis.create({
      name,
      direction: "higher_is_better",
      frequency,
      aggregation: "sum",
      goal: 100,
      redFlag: 80,
      ownerId: otherAdmin.id,
    });
    otherKpis.push({ id: created.id, name, frequency });
  }
  const otherToken = await zeta.apiTokens.create({ name: `${SECRET} Warehouse`, scopes: ["kpis:write"] });
  tokens.set("other", otherToken.token);
  tokens.set("unknown", `mrd_${"A".repeat(43)}`);
  tokens.set("malformed", "mrd_short");
  tokens.set("hash", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  tokens.set("none", "");

  const demoKpis = await db
    .select({ id: kpis.id, name: kpis.name, frequency: kpis.frequency, kind: kpis.kind, archivedAt: kpis.archivedAt })
    .from(kpis)
    .where(eq(kpis.organizationId, demoOrgId))
    .orderBy(kpis.name);
  kpisOf.set(
    "demo",
    demoKpis
      .filter((k) => k.kind === "manual" && !k.archivedAt)
      .map(({ id, name, frequency }) => ({ id, name, frequency })),
  );
  kpisOf.set("other", otherKpis);
  needles.push(SECRET, other.id, otherAdmin.id, otherToken.id, otherToken.prefix, ...otherKpis.map((k) => k.id));
  expect(await fuzzInvariantViolations(db), "the seeded data already breaks an invariant").toEqual([]);
});

afterAll(async () => {
  await handle?.close();
});

// ── what a request is made of ────────────────────────────────────────────

const AUTH_SPELLINGS: Plan["auth"][] = [
  { label: "Bearer", render: (t) => `Bearer ${t}`, accepted: true },
  { label: "bearer", render: (t) => `bearer ${t}`, accepted: true },
  { label: "spaced", render: (t) => `  Bearer\t ${t}  `, accepted: true },
  { label: "Basic", render: (t) => `Basic ${t}`, accepted: false },
  { label: "bare", render: (t) => t, accepted: false },
  { label: "trailing word", render: (t) => `Bearer ${t} please`, accepted: false },
  { label: "quoted", render: (t) => `Bearer "${t}"`, accepted: false },
  { label: "doubled", render: (t) => `Bearer ${t}${t}`, accepted: false },
  { label: "scheme only", render: () => "Bearer", accepted: false },
];

const CONTENT_TYPES: Plan["contentType"][] = [
  { value: "application/json", json: true },
  { value: "application/json; charset=utf-8", json: true },
  { value: "APPLICATION/JSON", json: true },
  { value: "application/json ;charset=UTF-8", json: true },
  { value: "application/json;", json: true },
  { value: "text/csv", json: false },
  { value: "application/jsonx", json: false },
  { value: "text/plain; application/json", json: false },
  { value: "multipart/form-data; boundary=x", json: false },
  { value: "", json: false },
  { value: null, json: false },
];

const tokenKind = fc.oneof(
  { weight: 10, arbitrary: fc.constant<TokenKind>("demo") },
  { weight: 2, arbitrary: fc.constant<TokenKind>("other") },
  {
    weight: 1,
    arbitrary: fc.constantFrom<TokenKind>("revoked", "unknown", "malformed", "hash", "none"),
  },
);

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A body of the given kind for a push meant for `org`'s KPIs. */
function bodyFor(org: Org): fc.Arbitrary<Body> {
  const own = kpisOf.get(org) ?? [];
  const foreign = kpisOf.get(org === "demo" ? "other" : "demo") ?? [];
  return fc.oneof(
    { weight: 8, arbitrary: goodIngestPayload(own).map((payload): Body => ({ kind: "good", org, payload })) },
    { weight: 6, arbitrary: ingestPayload(own, foreign).map((payload): Body => ({ kind: "json", payload })) },
    {
      weight: 3,
      arbitrary: fc.tuple(goodIngestPayload(own), fc.nat()).map(([payload, cut]): Body => {
        const json = JSON.stringify(payload);
        return { kind: "text", text: json.slice(0, cut % json.length) };
      }),
    },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(
          "",
          " ",
          "{",
          "null",
          "[]",
          "true",
          '"actuals"',
          '{"actuals": [{"kpi": "Revenue", "period": "2026-07", "value": 1e400}]}',
          '{"actuals": [{"kpi": "Revenue\\u0000", "period": "2026-07", "value": 1}]}',
          '{"actuals": [{"kpi": "Revenue", "period": "2026-07", "value": 1}], "actuals": []}',
          '{"__proto__": {"actuals": [1]}, "actuals": []}',
          "\u0000",
          "kpi,period,value\nRevenue,2026-07,1",
        )
        .map((text): Body => ({ kind: "text", text })),
    },
    {
      weight: 1,
      arbitrary: fc.string({ unit: "binary", maxLength: 200 }).map((text): Body => ({ kind: "text", text })),
    },
    // A BOM before good JSON is no harm; bytes that are not UTF-8 are.
    {
      weight: 1,
      arbitrary: goodIngestPayload(own).map(
        (payload): Body => ({ kind: "text", text: `\uFEFF${JSON.stringify(payload)}` }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ minLength: 1, maxLength: 64 })
        .map((bytes): Body => ({ kind: "bytes", bytes: Uint8Array.from([0xff, 0xfe, ...bytes]) })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(goodIngestPayload(own), fc.integer({ min: 1, max: 40 })).map(([payload, size]): Body => {
        const json = JSON.stringify(payload);
        const chunks: string[] = [];
        for (let i = 0; i < json.length; i += size) chunks.push(json.slice(i, i + size));
        return { kind: "stream", chunks };
      }),
    },
    // Past 1 MB: as one string, or streamed in pieces that only add up to too much.
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 2_000 }).map(
        (extra): Body => ({
          kind: "text",
          text: JSON.stringify({
            actuals: [{ kpi: "x".repeat(MAX_INGEST_BODY_BYTES + extra), period: "2026-07", value: 1 }],
          }),
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constant<Body>({ kind: "stream", chunks: Array.from({ length: 17 }, () => " ".repeat(64 * 1024)) }),
    },
  );
}

const plan: fc.Arbitrary<Plan> = fc.tuple(tokenKind, fc.constantFrom<Org>("demo", "other")).chain(([token, bodyOrg]) =>
  fc.record({
    method: fc.oneof(
      { weight: 12, arbitrary: fc.constant("POST") },
      { weight: 1, arbitrary: fc.constantFrom("GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "post") },
    ),
    token: fc.constant(token),
    auth: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...AUTH_SPELLINGS.filter((a) => a.accepted)) },
      { weight: 2, arbitrary: fc.constantFrom(...AUTH_SPELLINGS.filter((a) => !a.accepted)) },
    ),
    contentType: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...CONTENT_TYPES.filter((c) => c.json)) },
      { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES.filter((c) => !c.json)) },
    ),
    declaredLength: fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom("0", "2", "-1", "abc", "1048576", "1048577", "99999999999") },
    ),
    // Mostly a body for the token's own organization's KPIs.
    body: bodyFor(token === "other" ? (bodyOrg === "demo" ? "other" : bodyOrg) : "demo"),
  }),
);

// ── one request ──────────────────────────────────────────────────────────

function requestOf(p: Plan): Request {
  const headers = new Headers();
  if (p.token !== "none") headers.set("authorization", p.auth.render(tokens.get(p.token) ?? ""));
  if (p.contentType.value !== null) headers.set("content-type", p.contentType.value);
  if (p.declaredLength !== null) headers.set("content-length", p.declaredLength);
  // Request normalizes the method's letter case ("post" is POST); GET and HEAD carry no body.
  const bodyless = ["GET", "HEAD"].includes(p.method.toUpperCase());
  let body: RequestInit["body"] = null;
  if (!bodyless) {
    if (p.body.kind === "good" || p.body.kind === "json") body = JSON.stringify(p.body.payload) ?? "";
    else if (p.body.kind === "text") body = p.body.text;
    else if (p.body.kind === "bytes") body = p.body.bytes;
    else {
      const chunks = p.body.chunks.map(utf8);
      body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
    }
  }
  // A string body without a Content-Type would get "text/plain": keep the header as planned.
  const request = new Request(URL, { method: p.method, headers, body, duplex: "half" } as RequestInit);
  if (p.contentType.value === null) request.headers.delete("content-type");
  return request;
}

function bodyBytes(p: Plan): number {
  switch (p.body.kind) {
    case "good":
    case "json":
      return utf8(JSON.stringify(p.body.payload) ?? "").byteLength;
    case "text":
      return utf8(p.body.text).byteLength;
    case "bytes":
      return p.body.bytes.byteLength;
    case "stream":
      return p.body.chunks.reduce((n, c) => n + utf8(c).byteLength, 0);
  }
}

/** The statuses the request may get, from what it is made of. */
function expectedStatuses(p: Plan): number[] {
  if (p.method.toUpperCase() !== "POST") return [405];
  if (!["demo", "other"].includes(p.token) || !p.auth.accepted) return [401];
  if (!p.contentType.json) return [415];
  const declared = Number(p.declaredLength ?? "0");
  if (declared > MAX_INGEST_BODY_BYTES || bodyBytes(p) > MAX_INGEST_BODY_BYTES) return [413];
  const owner: Org = p.token === "other" ? "other" : "demo";
  // A good push for the token's own KPIs is taken whole (a Content-Length below the limit is not checked further).
  if (p.body.kind === "good" && p.body.org === owner) return [200];
  return [200, 400];
}

/** Tables a successful push may write, in the token's organization (a KPI turning red tells its owner). */
const PUSH_WRITES: readonly FuzzTable[] = ["kpi_actuals", "activity_log", "api_tokens", "notifications"];

/** Tables any call with a live token writes: its audit row (api.request) and its last use. */
const AUDIT_WRITES: readonly FuzzTable[] = ["activity_log", "api_tokens"];

/** Activity rows other than the audit of API calls: what a refused push must leave as it was. */
async function writtenActivity(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(activityLog).where(ne(activityLog.action, "api.request"));
  return row?.n ?? 0;
}

const stats = new Map<number, number>();

describe("fuzzing POST /api/ingest/actuals", () => {
  it("answers every request with the status it earns, writing only on 200", { timeout: 300_000 }, async () => {
    const db = handle.db;
    let before: FuzzSnapshot = await fuzzSnapshot(db);
    let activity = await writtenActivity(db);
    const orgBefore = new Map<string, FuzzSnapshot>([
      [demoOrgId, await fuzzSnapshot(db, demoOrgId)],
      [otherOrgId, await fuzzSnapshot(db, otherOrgId)],
    ]);
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const about = `${p.method} with ${p.token} token (${p.auth.label}), ${p.contentType.value}, length ${p.declaredLength}, ${p.body.kind} body ${safeJson(p.body).slice(0, 300)}`;
        const response = await handleIngestActuals(requestOf(p), db);
        stats.set(response.status, (stats.get(response.status) ?? 0) + 1);
        const text = await response.text();
        const after = await fuzzSnapshot(db);
        expect(response.status, `${about}: internal error ${text}`).not.toBe(500);
        expect(expectedStatuses(p), `${about}: got ${response.status} ${text.slice(0, 300)}`).toContain(
          response.status,
        );
        const answer = JSON.parse(text) as { error?: unknown };
        if (response.status !== 200) {
          expect(typeof answer.error === "string" && answer.error.trim() !== "", `${about}: no error message`).toBe(
            true,
          );
          // A call with a live token is audited (api.request) and notes the token's use; nothing else changes.
          const audited = p.method.toUpperCase() === "POST" && ["demo", "other"].includes(p.token) && p.auth.accepted;
          const changed = (Object.keys(after) as FuzzTable[]).filter((t) => after[t] !== before[t]);
          expect(
            changed.filter((t) => !(audited && AUDIT_WRITES.includes(t))),
            `${about}: ${response.status} but something was written`,
          ).toEqual([]);
          expect(await writtenActivity(db), `${about}: ${response.status} but activity was recorded`).toBe(activity);
          // The audit row is in the token's own organization: what a later push must leave alone includes it.
          if (audited) {
            const owner = p.token === "other" ? otherOrgId : demoOrgId;
            orgBefore.set(owner, await fuzzSnapshot(db, owner));
          }
        } else {
          const owner = p.token === "other" ? otherOrgId : demoOrgId;
          const bystander = owner === demoOrgId ? otherOrgId : demoOrgId;
          expect(await fuzzSnapshot(db, bystander), `${about}: wrote to the other organization`).toEqual(
            orgBefore.get(bystander),
          );
          orgBefore.set(owner, await fuzzSnapshot(db, owner));
          const changed = (Object.keys(after) as FuzzTable[]).filter((t) => after[t] !== before[t]);
          expect(
            changed.filter((t) => !PUSH_WRITES.includes(t)),
            `${about}: a push wrote beyond actuals`,
          ).toEqual([]);
          expect(await fuzzInvariantViolations(db), `${about}: broke the data`).toEqual([]);
        }
        if (p.token === "demo") {
          const sent = safeJson(p.body).toLowerCase();
          const leaks = needles.filter(
            (n) => text.toLowerCase().includes(n.toLowerCase()) && !sent.includes(n.toLowerCase()),
          );
          expect(leaks, `${about}: the answer shows the second organization`).toEqual([]);
        }
        before = after;
        activity = await writtenActivity(db);
      }),
      { numRuns: Math.max(1, Math.round(250 * SCALE)), seed: SEED },
    );
    console.info(
      `ingest fuzz seed ${SEED}, scale ${SCALE}: statuses ${[...stats.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s} ×${n}`)
        .join(", ")}`,
    );
  });
});

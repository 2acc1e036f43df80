import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";
import { openSession } from "@meridian/auth";
import {
  activityLog,
  and,
  apiTokens,
  campaigns,
  checkIns,
  correctiveActions,
  cycles,
  type Database,
  type DatabaseHandle,
  eq,
  experimentMetrics,
  experiments,
  experimentVariants,
  inArray,
  invitations,
  isNull,
  keyResults,
  kpiBenchmarks,
  kpis,
  kpiTargets,
  memberships,
  objectives,
  organizations,
  perspectives,
  reviewComments,
  reviews,
  rows,
  sql,
  strategicObjectives,
  strategyLinks,
  teams,
  users,
  webhookDeliveries,
  webhookEndpoints,
} from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import {
  ACTION_STATUSES,
  AGGREGATIONS,
  API_SCOPES,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_STATUSES,
  EXPERIMENT_DECISIONS,
  EXPERIMENT_STATUSES,
  KEY_RESULT_TYPES,
  KEY_RESULT_UNITS,
  KPI_DIRECTIONS,
  KPI_FREQUENCIES,
  KPI_KINDS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  OBJECTIVE_LEVELS,
  OBJECTIVE_STATUSES,
  PROGRESS_SOURCES,
  REVIEW_SUBJECT_TYPES,
  type ReviewSnapshot,
  ROLES,
  reviewRows,
  TEAM_MEMBER_ROLES,
  VISIBILITIES,
  WEBHOOK_EVENTS,
} from "@meridian/domain";
import { type AnyProcedure, type inferRouterInputs, TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ZodType } from "zod";
import { type AppRouter, appRouter } from "../src/root";
import {
  type Caller,
  callerFor,
  clientErrorOf,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrganization,
  createTeam,
  DEMO,
  seedDemoOrganization,
  userIdOf,
} from "./support";
import { type ActualsTarget, actualsCsv } from "./support/fuzz-actuals";
import {
  current,
  currentPick,
  finiteNumber,
  garbageFor,
  garbageScalar,
  idFrom,
  isoDay,
  isoPeriod,
  kpiNumber,
  live,
  type MarkerResolvers,
  periodStartDay,
  resolveMarkers,
  safeJson,
  same,
  text,
  version,
} from "./support/fuzz-arbitraries";
import { type FuzzSnapshot, type FuzzTable, fuzzInvariantViolations, fuzzSnapshot } from "./support/fuzz-snapshot";

/*
 * Property-based fuzzing of every procedure of the router, through
 * createCaller with a real session, as the demo organization's admin and as
 * its viewer. For every generated input, valid or garbage:
 *
 *   1. the call never fails with INTERNAL_SERVER_ERROR (nor with anything
 *      that is not a TRPCError), and every error carries a message;
 *   2. input the procedure's own zod schema rejects fails with BAD_REQUEST and
 *      a non-empty client message — except that a role without the
 *      procedure's permission gets FORBIDDEN whatever it sends (authorization
 *      runs before validation, so a viewer learns nothing about the schema);
 *   3. a call that fails writes nothing: every table holds the same row
 *      versions before and after (row counts and a hash of each version's
 *      ctid and xmin: any insert, update or delete shows);
 *   4. nothing of the second organization (ids, names, emails, titles) shows
 *      up in a result or an error, unless the caller sent it;
 *   5. a mutation that succeeds leaves the data whole: no reference crosses
 *      organizations (OKRs, strategy map, KPIs and their numbers, reviews),
 *      no team or alignment loop, no computed KPI built on itself or on
 *      another computed one (fuzz-snapshot.ts), and the fuzzing callers keep
 *      their own role, session and password;
 *   6. whatever the fuzzer wrote, the scorecard, strategy map, every KPI and
 *      every review can still be read at the end;
 *   7. the second organization's rows are untouched at the end.
 *
 * Valid inputs are built from the demo organization's real ids (and the
 * rows created along the way, picked at call time), mixed with unknown ids,
 * the second organization's ids and the same ids spelled in capitals. CSV
 * imports get well-formed files of the demo's KPIs (now and then thousands
 * of rows) and broken ones (fuzz-actuals.ts); the ingestion endpoint, which
 * is no procedure, is fuzzed in ingest/actuals-endpoint.fuzz.test.ts.
 * Garbage is anything at all: wrong types, huge strings, NaN and Infinity,
 * malformed uuids, null prototypes, "__proto__" keys, and near misses of the
 * valid inputs with one key broken, dropped or added.
 *
 * A procedure added to the router without an entry in FUZZ fails the first
 * test (and the typecheck, through ProcedurePath).
 *
 * Reproduce with the same seed; explore with another:
 *   FUZZ_SEED=123 FUZZ_SCALE=5 npx vitest run src/fuzz.test.ts
 */

type Inputs = inferRouterInputs<AppRouter>;
type ProcedurePath = { [R in keyof Inputs & string]: `${R}.${keyof Inputs[R] & string}` }[keyof Inputs & string];

const PRINCIPALS = ["admin", "viewer"] as const;
type Principal = (typeof PRINCIPALS)[number];
type Kind = "garbage" | "valid";

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_522);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

interface Fixtures {
  orgId: string;
  adminId: string;
  viewerId: string;
  /** Demo people an admin may demote, deactivate or reset without locking the fuzzing callers out. */
  targetUserIds: string[];
  /** Every demo person, the fuzzing callers included. */
  allUserIds: string[];
  emails: string[];
  throwawayEmails: string[];
  /** Sessions of the throwaway people and of the second organization's admin. */
  sessionIds: string[];
  teamIds: string[];
  cycleIds: string[];
  objectiveIds: string[];
  keyResultIds: string[];
  checkInIds: string[];
  perspectiveIds: string[];
  strategicObjectiveIds: string[];
  linkIds: string[];
  kpiIds: string[];
  kpiNames: string[];
  benchmarkIds: string[];
  tokenIds: string[];
  reviewIds: string[];
  actionIds: string[];
  /** The experiments the fuzzer made in the demo organization, their variants and metrics. */
  experimentIds: string[];
  variantIds: string[];
  metricIds: string[];
  /** Live KPIs whose values are entered: what well-formed CSV files name. */
  enteredKpis: ActualsTarget[];
  /** KPIs no file may fill: this organization's computed ones and the second organization's. */
  refusedKpis: ActualsTarget[];
  campaignIds: string[];
  campaignNames: string[];
  /** The receiver on 127.0.0.1 that fuzzed endpoints point at (sendTest delivers for real). */
  webhookReceiverUrl: string;
  webhookEndpointIds: string[];
  webhookDeliveryIds: string[];
  other: {
    orgId: string;
    userIds: string[];
    teamId: string;
    cycleId: string;
    objectiveId: string;
    keyResultId: string;
    checkInId: string;
    perspectiveId: string;
    strategicObjectiveId: string;
    linkId: string;
    kpiId: string;
    benchmarkId: string;
    tokenId: string;
    webhookEndpointId: string;
    webhookDeliveryId: string;
    reviewId: string;
    actionId: string;
    experimentId: string;
    variantId: string;
    /** The second organization's invitation of a demo person: nobody fuzzing may answer it. */
    invitationId: string;
    campaignId: string;
  };
}

interface Entry {
  /** Inputs a client could legitimately send, built from real ids; may hold markers resolved at call time. */
  valid: fc.Arbitrary<unknown>;
  /** What the viewer gets for any input: the procedure runs, or its permission is missing. */
  viewer: "allow" | "FORBIDDEN";
  runs?: Partial<Record<Kind, number>>;
  /** Called as a throwaway user of the principal's role, rebuilt after each success (it ends their session). */
  throwawayCaller?: boolean;
}

const DEFAULT_RUNS: Record<Kind, number> = { garbage: 60, valid: 30 };
/** A viewer without the permission is turned away before anything else happens: fewer runs show it. */
const VIEWER_FORBIDDEN_RUNS: Record<Kind, number> = { garbage: 20, valid: 10 };
/** Procedures without input ignore what they are given: a few runs show it. */
const NO_INPUT: Pick<Entry, "valid" | "runs"> = { valid: fc.constant(undefined), runs: { garbage: 10, valid: 2 } };

// ── valid-input builders ──────────────────────────────────────────────────

/** Idempotency keys that several generated check-ins share: replays, and reuse on another key result. */
const REPEATED_KEYS = [
  "6f1c7a52-3d0e-4b8a-9c41-2e5f8d7b6a01",
  "0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f60",
  "a3b2c1d0-e9f8-4a7b-b6c5-d4e3f2a1b0c9",
];
/** Stands for "none left" when a live pick finds no row. */
const NOTHING_LEFT = "5e0f2b1c-7a3d-4e9f-8b6a-0c1d2e3f4a5b";

const teamRef = (f: Fixtures) =>
  fc.oneof({ weight: 3, arbitrary: live("team") }, { weight: 2, arbitrary: idFrom(f.teamIds, [f.other.teamId]) });
const cycleRef = (f: Fixtures) =>
  fc.oneof({ weight: 3, arbitrary: live("cycle") }, { weight: 2, arbitrary: idFrom(f.cycleIds, [f.other.cycleId]) });
const objectiveRef = (f: Fixtures) =>
  fc.oneof(
    { weight: 3, arbitrary: live("objective") },
    { weight: 2, arbitrary: idFrom(f.objectiveIds, [f.other.objectiveId]) },
  );
/** Mostly a draft, the only thing publish accepts. */
const draftRef = (f: Fixtures) => fc.oneof({ weight: 3, arbitrary: live("draftObjective") }, objectiveRef(f));
const keyResultRef = (f: Fixtures) =>
  fc.oneof(
    { weight: 3, arbitrary: live("keyResult") },
    { weight: 2, arbitrary: idFrom(f.keyResultIds, [f.other.keyResultId]) },
  );
/** Mostly a key result of a closed cycle, the only kind grade accepts. */
const gradableRef = (f: Fixtures) => fc.oneof({ weight: 3, arbitrary: live("gradableKeyResult") }, keyResultRef(f));
const checkInRef = (f: Fixtures) =>
  fc.oneof(
    { weight: 3, arbitrary: live("checkIn") },
    { weight: 2, arbitrary: idFrom(f.checkInIds, [f.other.checkInId]) },
  );
const personRef = (f: Fixtures) => idFrom(f.allUserIds, f.other.userIds);
/** People an admin may act on, and now and then the admin themselves, in either spelling: refused by the self-guard. */
const selfOrOthers = (f: Fixtures) =>
  fc.oneof(
    { weight: 8, arbitrary: idFrom([...f.targetUserIds, f.adminId], f.other.userIds) },
    { weight: 1, arbitrary: fc.constant(f.adminId.toUpperCase()) },
  );

/** Experiments change version as the fuzzer edits them: small numbers hit the current one now and then. */
const experimentVersion = fc.integer({ min: 1, max: 6 });
const experimentRef = (f: Fixtures) => idFrom(f.experimentIds, [f.other.experimentId]);
/** Daily results as a spreadsheet exports them, now and then with a broken cell. */
const experimentCsv = fc
  .array(
    fc.tuple(
      fc.oneof(isoDay, text(12)),
      fc.constantFrom("Control", "Treatment B", "control", "Nobody"),
      fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), text(8)),
      fc.oneof(fc.integer({ min: 0, max: 1_000 }).map(String), fc.constant("-3")),
    ),
    { minLength: 0, maxLength: 30 },
  )
  .map((rows) => ["day,variant,exposures,conversions", ...rows.map((r) => r.join(","))].join("\n"));

/** A person's (or the organization's) choices: mostly distinct kinds and channels, now and then one twice. */
const notificationChoices = fc.record({
  choices: fc.array(
    fc.record({
      kind: fc.constantFrom(...NOTIFICATION_KINDS),
      channel: fc.constantFrom(...NOTIFICATION_CHANNELS),
      enabled: fc.boolean(),
    }),
    { maxLength: 8 },
  ),
});

const weight = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, 1, 100));

/** Start and target: mostly as the type requires (up for "increase to", down for "decrease to"), else anything. */
const keyResultMeasure = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...KEY_RESULT_TYPES), finiteNumber, fc.double({ min: 0.001, max: 1e6, noNaN: true }))
      .map(([type, start, step]) => ({
        type,
        startValue: start,
        targetValue: type === "decrease_to" ? start - step : start + step,
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constantFrom(...KEY_RESULT_TYPES),
      startValue: finiteNumber,
      targetValue: finiteNumber,
    }),
  },
);

/** The fields of a key result as a planner fills them in. */
const keyResultFields = (f: Fixtures) => ({
  title: text(200, { min: 3 }),
  unit: fc.constantFrom(...KEY_RESULT_UNITS),
  unitLabel: text(20, { min: 0 }),
  weight,
  ownerId: personRef(f),
});
/** A key result as the objective form sends it: the measure consistent most of the time. */
const keyResultDraft = (f: Fixtures) =>
  fc
    .tuple(fc.record(keyResultFields(f), { requiredKeys: ["title"] }), keyResultMeasure)
    .map(([fields, measure]) => ({ ...fields, ...measure }));

const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
/** A long address of varied characters (repeats would compress and hide index-size limits). */
const longEmail = fc.tuple(fc.integer({ min: 1_000, max: 6_000 }), fc.integer()).map(([length, seed]) => {
  let state = seed >>> 0 || 1;
  let local = "";
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    local += LETTERS[(state >>> 16) % LETTERS.length];
  }
  return `${local}@fuzz.example`;
});

const email = (f: Fixtures) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}$/),
          fc.constantFrom("fuzz.example", "Example.COM", "sub.fuzz.example"),
        )
        .map(([local, domain]) => `${local}@${domain}`),
    },
    { weight: 1, arbitrary: fc.emailAddress() },
    // Someone already here, spelled the way people type.
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...f.emails), fc.boolean())
        .map(([e, loud]) => (loud ? ` ${e.toUpperCase()} ` : e)),
    },
    { weight: 1, arbitrary: longEmail },
  );

const encodeCursor = (createdAt: string, id: string) =>
  Buffer.from(JSON.stringify({ createdAt, id })).toString("base64url");

const auditCursor = fc.oneof(
  // Positions the server could have issued…
  fc
    .tuple(fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }), fc.uuid())
    .map(([d, id]) => encodeCursor(d.toISOString(), id)),
  // …and any date JavaScript can hold.
  fc.tuple(fc.date({ noInvalidDate: true }), fc.uuid()).map(([d, id]) => encodeCursor(d.toISOString(), id)),
  fc.tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 })).map(([a, b]) => encodeCursor(a, b)),
  fc.base64String({ maxLength: 200 }),
  fc.string({ maxLength: 200 }),
);

/** A people.list / users.list cursor: one the server could have issued, a forged one, or anything at all. */
const personCursor = (f: Fixtures) =>
  fc.oneof(
    fc.constant(null),
    fc
      .tuple(fc.oneof(text(120, { min: 0 }), fc.constantFrom("Alex", "", "%")), idFrom(f.allUserIds, f.other.userIds))
      .map(([n, i]) => Buffer.from(JSON.stringify({ n, i })).toString("base64url")),
    fc
      .tuple(fc.anything({ maxDepth: 1 }), fc.anything({ maxDepth: 1 }))
      .map(([n, i]) => Buffer.from(safeJson({ n, i })).toString("base64url")),
    fc.base64String({ maxLength: 300 }),
    fc.string({ maxLength: 300 }),
  );
/** Page sizes: mostly allowed ones, now and then too small or far too large. */
const pageLimit = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 101, 1000, 1e9, 2.5) },
);
/** The inputs people.list and users.list share: search, ids (the second organization's too), cursor and limit. */
const peopleListFields = (f: Fixtures) =>
  fc.record(
    {
      q: text(100, { min: 0 }),
      ids: fc.oneof(
        { weight: 6, arbitrary: fc.array(personRef(f), { maxLength: 20 }) },
        { weight: 1, arbitrary: fc.array(personRef(f), { minLength: 95, maxLength: 110 }) },
      ),
      cursor: personCursor(f),
      limit: pageLimit,
    },
    { requiredKeys: [] },
  );
/** people.list's own filter: the people of some teams (ours, the second organization's, archived ones). */
const peopleListInput = (f: Fixtures) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          peopleListFields(f),
          fc.option(
            fc.oneof(
              { weight: 6, arbitrary: fc.array(teamRef(f), { maxLength: 10 }) },
              { weight: 1, arbitrary: fc.array(teamRef(f), { minLength: 495, maxLength: 510 }) },
            ),
            { nil: undefined },
          ),
        )
        .map(([fields, teamIds]) => (teamIds === undefined ? fields : { ...fields, teamIds })),
    },
  );

// ── scorecard, review and token builders ─────────────────────────────────

const liveOr = (kind: Parameters<typeof live>[0], real: string[], foreign: string) =>
  fc.oneof({ weight: 3, arbitrary: live(kind) }, { weight: 2, arbitrary: idFrom(real, [foreign]) });
const perspectiveRef = (f: Fixtures) => liveOr("perspective", f.perspectiveIds, f.other.perspectiveId);
const strategicObjectiveRef = (f: Fixtures) =>
  liveOr("strategicObjective", f.strategicObjectiveIds, f.other.strategicObjectiveId);
const linkRef = (f: Fixtures) => liveOr("strategyLink", f.linkIds, f.other.linkId);
const kpiRef = (f: Fixtures) => liveOr("kpi", f.kpiIds, f.other.kpiId);
/** Mostly a live entered KPI, the only kind that takes actuals, benchmarks or computed-KPI duty. */
const enteredKpiRef = (f: Fixtures) => fc.oneof({ weight: 3, arbitrary: live("enteredKpi") }, kpiRef(f));
const benchmarkRef = (f: Fixtures) => liveOr("benchmark", f.benchmarkIds, f.other.benchmarkId);
const tokenRef = (f: Fixtures) => liveOr("apiToken", f.tokenIds, f.other.tokenId);
const reviewRef = (f: Fixtures) => liveOr("review", f.reviewIds, f.other.reviewId);
/** Mostly an open review, the only kind that takes commentary, actions or finalizing. */
const openReviewRef = (f: Fixtures) => fc.oneof({ weight: 3, arbitrary: live("openReview") }, reviewRef(f));
const actionRef = (f: Fixtures) => liveOr("correctiveAction", f.actionIds, f.other.actionId);

// ── webhook builders ──────────────────────────────────────────────────────

const webhookRef = (f: Fixtures) => liveOr("webhookEndpoint", f.webhookEndpointIds, f.other.webhookEndpointId);
const webhookDeliveryRef = (f: Fixtures) => liveOr("webhookDelivery", f.webhookDeliveryIds, f.other.webhookDeliveryId);
/** Mostly the local receiver (any path), sometimes what the schema refuses. */
const webhookUrl = (f: Fixtures) =>
  fc.oneof(
    { weight: 6, arbitrary: text(200, { min: 0 }).map((p) => `${f.webhookReceiverUrl}/fuzz/${encodeURIComponent(p)}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("ftp://example.com/hook", "not a url", "", "https://", "javascript:alert(1)"),
    },
  );
const webhookFields = (f: Fixtures) => ({
  url: webhookUrl(f),
  events: fc.oneof(
    { weight: 6, arbitrary: fc.subarray([...WEBHOOK_EVENTS], { minLength: 1 }) },
    { weight: 1, arbitrary: fc.constantFrom([], ["checkin.created", "checkin.created"], ["objective.deleted"]) },
  ),
  target: fc.constantFrom("standard", "slack"),
  description: text(220, { min: 0 }),
});
/** Runs for the webhook writes: each may send a request to the receiver. */
const WEBHOOK_WRITE_RUNS: Record<Kind, number> = { garbage: 25, valid: 12 };

// ── campaign builders ─────────────────────────────────────────────────────

const campaignRef = (f: Fixtures) => idFrom(f.campaignIds, [f.other.campaignId]);
const currency = fc.constantFrom("EUR", "USD", "JPY", "XXX");
const money = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.constantFrom(-1, 0.5, 10_000_000_000_001, Number.MAX_SAFE_INTEGER),
);
/** A CSV of results naming this organization's campaigns (and now and then the other's), good and bad figures mixed. */
const campaignCsv = (f: Fixtures) =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...f.campaignNames, `${SECRET} Launch`),
        fc.constantFrom("2026-04", "2026-05-01", "soon"),
        fc.constantFrom("EUR", "USD", ""),
        fc.constantFrom("1250.50", "", "-3", "1.005"),
        fc.constantFrom("4", "", "2.5"),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((rows) => `campaign,period,currency,spend,conversions\n${rows.map((r) => r.join(",")).join("\n")}\n`);

const scoreWeight = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, 1, 100));
/** Any day of the quarter to look at, the edges of the years the schemas allow included. */
const quarterDay = fc.oneof(
  { weight: 4, arbitrary: periodStartDay },
  { weight: 1, arbitrary: fc.constantFrom("1900-01-01", "1900-03-31", "2999-12-31", "2999-10-01") },
);
const quarterInput = fc.oneof(
  fc.constant(undefined),
  fc.constant({}),
  fc.record({ period: quarterDay }),
  fc.record({ period: isoDay }),
);

/** A due date: mostly within a few years of now, else any day "YYYY-MM-DD" can spell. */
const dueDay = fc.oneof({ weight: 4, arbitrary: periodStartDay }, { weight: 1, arbitrary: isoDay });

/** Goal and red flag: mostly pointing the way the direction says, else anything. */
const kpiMeasure = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...KPI_DIRECTIONS), kpiNumber, fc.double({ min: 0.001, max: 1e6, noNaN: true }))
      .map(([direction, goal, gap]) => ({
        direction,
        goal,
        redFlag: direction === "higher_is_better" ? goal - gap : goal + gap,
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ direction: fc.constantFrom(...KPI_DIRECTIONS), goal: kpiNumber, redFlag: kpiNumber }),
  },
);
/** Entered, or computed from two KPIs (mostly live entered ones; now and then itself or the same one twice). */
const kpiKindInputs = (f: Fixtures) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom({}, { kind: "manual" }, { kind: "manual", inputAId: null }) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom("ratio", "roi"), enteredKpiRef(f), enteredKpiRef(f))
        .map(([kind, inputAId, inputBId]) => ({ kind, inputAId, inputBId })),
    },
    {
      weight: 1,
      arbitrary: fc.record(
        {
          kind: fc.constantFrom(...KPI_KINDS),
          inputAId: fc.oneof(kpiRef(f), fc.constant(null), fc.constant(same("kpiId"))),
          inputBId: fc.oneof(kpiRef(f), fc.constant(null), fc.constant(same("inputAId"))),
        },
        { requiredKeys: [] },
      ),
    },
    // Fed by campaigns (ADR 0020): a consistent source, or its fields mixed up and garbled.
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom<[string, string | null]>(["spend", "EUR"], ["revenue", "USD"], ["conversions", null]),
          fc.constantFrom(null, ...CAMPAIGN_CHANNELS),
        )
        .map(([[campaignMeasure, currency], campaignChannel]) => ({
          kind: "campaigns",
          aggregation: "sum",
          campaignMeasure,
          campaignChannel,
          currency,
        })),
    },
    {
      weight: 1,
      arbitrary: fc.record(
        {
          kind: fc.constantFrom(...KPI_KINDS),
          campaignMeasure: fc.oneof(fc.constantFrom(null, "spend", "revenue", "conversions"), garbageScalar),
          campaignChannel: fc.oneof(fc.constantFrom(null, ...CAMPAIGN_CHANNELS), garbageScalar),
          currency: fc.oneof(fc.constantFrom(null, "EUR", "JPY", "eur", "XXX"), garbageScalar),
        },
        { requiredKeys: [] },
      ),
    },
  );
const kpiName = (f: Fixtures) =>
  fc.oneof(
    { weight: 4, arbitrary: text(120) },
    // Taken already, exactly or in another letter case.
    { weight: 1, arbitrary: fc.constantFrom(...f.kpiNames).map((n) => (n.length % 2 ? n.toLowerCase() : n)) },
  );
/** The definition fields of a KPI, as the form fills them in. */
const kpiFields = (f: Fixtures) => ({
  name: kpiName(f),
  description: text(2000, { min: 0 }),
  unit: fc.oneof(text(20, { min: 0 }), fc.constantFrom("%", "EUR", "days", "")),
  frequency: fc.constantFrom(...KPI_FREQUENCIES),
  aggregation: fc.constantFrom(...AGGREGATIONS),
  ownerId: personRef(f),
  strategicObjectiveId: fc.oneof(strategicObjectiveRef(f), fc.constant(null)),
  weight: fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constantFrom(0, 1, 1000)),
});

/** A subject of the review the input names: mostly one its snapshot holds, else any scorecard id. */
const reviewSubject = (f: Fixtures) => ({
  subjectType: fc.constantFrom(...REVIEW_SUBJECT_TYPES),
  subjectId: fc.oneof(
    { weight: 4, arbitrary: currentPick("reviewSubjectId") },
    {
      weight: 1,
      arbitrary: idFrom(
        [...f.perspectiveIds, ...f.strategicObjectiveIds, ...f.kpiIds],
        [f.other.perspectiveId, f.other.strategicObjectiveId, f.other.kpiId],
      ),
    },
  ),
});

/** Quarters' first days that are Mondays: each starts a period of every frequency, weekly included. */
const UNIVERSAL_PERIOD_STARTS = Array.from(
  { length: 4 * 90 },
  (_, i) => new Date(Date.UTC(1990 + (i >> 2), (i % 4) * 3, 1)),
)
  .filter((d) => d.getUTCDay() === 1)
  .map((d) => d.toISOString().slice(0, 10));

/** Values of one KPI for many periods, one value per period; now and then close to the 500 allowed. */
const actualValues = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.uniqueArray(
      fc.record({
        periodStart: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...UNIVERSAL_PERIOD_STARTS) },
          { weight: 1, arbitrary: periodStartDay },
        ),
        value: fc.oneof(
          { weight: 8, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }) },
          { weight: 2, arbitrary: kpiNumber },
          { weight: 1, arbitrary: fc.constant(null) },
        ),
      }),
      { minLength: 1, maxLength: 8, selector: (v) => v.periodStart },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 480, max: 520 }).map((n) =>
      Array.from({ length: n }, (_, i) => ({
        periodStart: `${1990 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
        value: i * 1.5,
      })),
    ),
  },
);

/**
 * Runs for the scorecard's reads: each loads the whole scorecard and scores
 * up to eight quarters, so fewer than the default (and a read of everything
 * the fuzzer wrote closes the run).
 */
const SCORECARD_READ_RUNS: Record<Kind, number> = { garbage: 12, valid: 8 };
/** Runs for the scorecard's, reviews' and tokens' writes: fewer than the default, to keep the whole run short. */
const SCORECARD_WRITE_RUNS: Record<Kind, number> = { garbage: 25, valid: 15 };

/**
 * One entry per procedure, in the order the tests run: reads, then creates
 * and edits, and last what closes, archives, deactivates or deletes, so that
 * the earlier procedures still find open cycles, active teams and people.
 */
const FUZZ: Record<ProcedurePath, (f: Fixtures) => Entry> = {
  // ── reads ──
  "me.get": () => ({ ...NO_INPUT, viewer: "allow" }),
  "account.profile": () => ({ ...NO_INPUT, viewer: "allow" }),
  "account.sessions": () => ({ ...NO_INPUT, viewer: "allow" }),
  "demo.accounts": () => ({ ...NO_INPUT, viewer: "allow" }),
  "invitations.list": () => ({ ...NO_INPUT, viewer: "allow" }),
  "cycles.list": () => ({ ...NO_INPUT, viewer: "allow" }),
  "cycles.current": () => ({ ...NO_INPUT, viewer: "allow" }),
  "teams.list": () => ({ ...NO_INPUT, viewer: "allow" }),
  "teams.members": (f) => ({ viewer: "allow", valid: fc.record({ teamId: teamRef(f) }) }),
  "teams.search": (f) => ({
    viewer: "allow",
    valid: fc.record(
      {
        q: fc.string({ maxLength: 100 }),
        ids: fc.array(teamRef(f), { maxLength: 3 }),
        cursor: fc.option(fc.constantFrom("0", "2", "30"), { nil: undefined }),
        limit: fc.integer({ min: 1, max: 100 }),
      },
      { requiredKeys: [] },
    ),
  }),
  "people.list": (f) => ({ viewer: "allow", runs: { garbage: 40, valid: 25 }, valid: peopleListInput(f) }),
  "users.list": (f) => ({
    viewer: "FORBIDDEN",
    runs: { garbage: 40, valid: 25 },
    valid: fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      {
        weight: 6,
        arbitrary: fc
          .tuple(
            peopleListFields(f),
            fc.record(
              { role: fc.constantFrom(...ROLES), active: fc.boolean(), q: fc.oneof(text(100, { min: 0 }), email(f)) },
              { requiredKeys: [] },
            ),
          )
          .map(([fields, extra]) => ({ ...fields, ...extra })),
      },
    ),
  }),
  "organizations.settings": () => ({ ...NO_INPUT, viewer: "allow" }),
  "organizations.overview": () => ({ ...NO_INPUT, viewer: "FORBIDDEN" }),
  "objectives.mine": () => ({ ...NO_INPUT, viewer: "allow" }),
  "checkIns.weekly": () => ({ ...NO_INPUT, viewer: "FORBIDDEN" }),
  "objectives.teamAttention": () => ({ ...NO_INPUT, viewer: "allow" }),
  "objectives.dashboard": (f) => ({
    viewer: "allow",
    runs: { garbage: 30, valid: 12 },
    valid: fc.oneof(
      fc.constant(undefined),
      fc.constant({}),
      fc.record({ cycleId: cycleRef(f), cursor: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }) }),
    ),
  }),
  "objectives.list": (f) => ({
    viewer: "allow",
    runs: { garbage: 30, valid: 15 },
    valid: fc.oneof(
      fc.constant(undefined),
      fc.record(
        {
          cycleId: cycleRef(f),
          teamId: teamRef(f),
          ownerId: personRef(f),
          level: fc.constantFrom(...OBJECTIVE_LEVELS),
          status: fc.constantFrom(...OBJECTIVE_STATUSES),
          atRisk: fc.boolean(),
          q: text(100, { min: 0 }),
          cursor: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
          limit: fc.integer({ min: 1, max: 100 }),
        },
        { requiredKeys: [] },
      ),
    ),
  }),
  "objectives.get": (f) => ({
    viewer: "allow",
    runs: { garbage: 30, valid: 15 },
    valid: fc.record({ objectiveId: objectiveRef(f) }),
  }),
  "objectives.branch": (f) => ({
    viewer: "allow",
    runs: { garbage: 30, valid: 15 },
    valid: fc.record({
      objectiveId: objectiveRef(f),
      cursor: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
    }),
  }),
  "audit.entityTypes": () => ({ ...NO_INPUT, viewer: "FORBIDDEN" }),
  "audit.list": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      {
        weight: 8,
        arbitrary: fc.record(
          {
            actorId: personRef(f),
            entityType: fc.oneof(
              fc.constantFrom("team", "user", "key_result", "objective", "cycle", "organization", ""),
              fc.stringMatching(/^[a-z_]{0,40}$/),
            ),
            from: isoDay,
            to: isoDay,
            limit: fc.integer({ min: 1, max: 200 }),
            cursor: auditCursor,
          },
          { requiredKeys: [] },
        ),
      },
    ),
  }),

  "perspectives.list": () => ({ ...NO_INPUT, viewer: "allow" }),
  "perspectives.addDefaults": () => ({ ...NO_INPUT, viewer: "FORBIDDEN" }),
  "strategy.map": () => ({ viewer: "allow", runs: SCORECARD_READ_RUNS, valid: quarterInput }),
  "scorecard.tree": () => ({ viewer: "allow", runs: SCORECARD_READ_RUNS, valid: quarterInput }),
  "scorecard.kpis": (f) => ({
    viewer: "allow",
    runs: SCORECARD_READ_RUNS,
    valid: fc.record(
      { strategicObjectiveId: fc.oneof(strategicObjectiveRef(f), fc.constant(null)), period: quarterDay },
      { requiredKeys: ["strategicObjectiveId"] },
    ),
  }),
  "scorecard.heatMap": () => ({ viewer: "allow", runs: SCORECARD_READ_RUNS, valid: quarterInput }),
  "kpis.list": (f) => ({
    viewer: "allow",
    runs: SCORECARD_READ_RUNS,
    valid: fc.oneof(
      fc.constant(undefined),
      fc.record(
        { strategicObjectiveId: strategicObjectiveRef(f), perspectiveId: perspectiveRef(f), ownerId: personRef(f) },
        { requiredKeys: [] },
      ),
    ),
  }),
  "kpis.get": (f) => ({
    viewer: "allow",
    runs: SCORECARD_READ_RUNS,
    valid: fc.record({ kpiId: kpiRef(f), period: quarterDay }, { requiredKeys: ["kpiId"] }),
  }),
  "reviews.list": () => ({ ...NO_INPUT, viewer: "allow" }),
  // Viewers read finalized reviews only: an open one is NOT_FOUND to them.
  "reviews.get": (f) => ({ viewer: "allow", runs: SCORECARD_READ_RUNS, valid: fc.record({ reviewId: reviewRef(f) }) }),
  "reviews.compare": (f) => ({
    viewer: "allow",
    runs: SCORECARD_READ_RUNS,
    valid: fc.record({ reviewId: reviewRef(f) }),
  }),
  "reviews.outline": (f) => ({
    viewer: "allow",
    runs: SCORECARD_READ_RUNS,
    valid: fc.record({ reviewId: reviewRef(f) }),
  }),
  "reviews.kpis": (f) => ({
    viewer: "allow",
    runs: SCORECARD_READ_RUNS,
    valid: fc.record(
      {
        reviewId: reviewRef(f),
        objectiveId: fc.constant(null),
        cursor: fc.option(fc.constantFrom("0", "1", "50"), { nil: undefined }),
        limit: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
      },
      { requiredKeys: ["reviewId", "objectiveId"] },
    ),
  }),
  "reviews.okrs": (f) => ({
    viewer: "allow",
    runs: SCORECARD_READ_RUNS,
    valid: fc.record(
      {
        reviewId: reviewRef(f),
        cursor: fc.option(fc.constantFrom("0", "3", "25"), { nil: undefined }),
        limit: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
      },
      { requiredKeys: ["reviewId"] },
    ),
  }),
  "reviews.subjects": (f) => ({
    viewer: "allow",
    runs: SCORECARD_READ_RUNS,
    valid: fc.record({ reviewId: reviewRef(f) }),
  }),
  "reviews.openable": () => ({ ...NO_INPUT, viewer: "FORBIDDEN" }),
  "correctiveActions.listOpen": () => ({ ...NO_INPUT, viewer: "allow" }),

  "experiments.list": (f) => ({
    viewer: "allow",
    valid: fc.oneof(
      fc.constant(undefined),
      fc.record(
        {
          status: fc.constantFrom(...EXPERIMENT_STATUSES),
          teamId: teamRef(f),
          q: text(100, { min: 0 }),
          limit: fc.integer({ min: 1, max: 100 }),
        },
        { requiredKeys: [] },
      ),
    ),
  }),
  "experiments.running": () => ({ viewer: "allow", valid: fc.record({ limit: fc.integer({ min: 1, max: 50 }) }) }),
  "experiments.get": (f) => ({ viewer: "allow", valid: fc.record({ experimentId: experimentRef(f) }) }),
  "experiments.create": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record(
      {
        name: text(120),
        hypothesis: text(2000, { min: 0 }),
        ownerId: personRef(f),
        teamId: teamRef(f),
        startDate: fc.option(isoDay),
        endDate: fc.option(isoDay),
        minimumDetectableEffect: fc.oneof(fc.integer({ min: -100, max: 1000 }), fc.double({ min: -200, max: 2000 })),
        alpha: fc.constantFrom(1, 5, 10, 0.5, 60),
        power: fc.constantFrom(80, 90, 99.99, 40),
        baselineRate: fc.option(fc.constantFrom(0.5, 10, 50, 99.99, 120)),
        keyResultId: fc.option(keyResultRef(f)),
        kpiId: fc.option(idFrom(f.kpiIds, [f.other.kpiId])),
        campaignId: fc.option(campaignRef(f)),
        variants: fc.array(fc.record({ name: text(120), weight: fc.integer({ min: -1, max: 10001 }) }), {
          minLength: 1,
          maxLength: 7,
        }),
        primaryMetric: text(120),
        secondaryMetrics: fc.array(text(120), { maxLength: 6 }),
      },
      { requiredKeys: ["name", "ownerId", "teamId", "minimumDetectableEffect", "variants"] },
    ),
  }),
  "experiments.update": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record(
      {
        experimentId: experimentRef(f),
        version: experimentVersion,
        name: text(120),
        startDate: fc.option(isoDay),
        endDate: fc.option(isoDay),
        teamId: teamRef(f),
        ownerId: personRef(f),
        minimumDetectableEffect: fc.integer({ min: -100, max: 1000 }),
        kpiId: fc.option(idFrom(f.kpiIds, [f.other.kpiId])),
        campaignId: fc.option(campaignRef(f)),
        // A draft's plan is free, a started one's fixed (412): both reach the fuzzer's experiments.
        variants: fc.array(fc.record({ name: text(120), weight: fc.integer({ min: -1, max: 10001 }) }), {
          minLength: 1,
          maxLength: 7,
        }),
        primaryMetric: text(120),
        secondaryMetrics: fc.array(text(120), { maxLength: 6 }),
      },
      { requiredKeys: ["experimentId", "version"] },
    ),
  }),
  "experiments.setStatus": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({
      experimentId: experimentRef(f),
      version: experimentVersion,
      status: fc.constantFrom("running", "stopped"),
    }),
  }),
  "experiments.conclude": (f) => ({
    viewer: "FORBIDDEN",
    runs: { garbage: 30, valid: 10 },
    valid: fc.record({
      experimentId: experimentRef(f),
      version: experimentVersion,
      decision: fc.constantFrom(...EXPERIMENT_DECISIONS),
      reason: text(2000),
      winnerVariantId: fc.option(idFrom(f.variantIds, [f.other.variantId])),
    }),
  }),
  "experiments.saveResults": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({
      experimentId: experimentRef(f),
      metricId: idFrom(f.metricIds),
      rows: fc.array(
        fc.record({
          variantId: idFrom(f.variantIds, [f.other.variantId]),
          day: isoDay,
          exposures: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer()),
          conversions: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer()),
        }),
        { minLength: 1, maxLength: 20 },
      ),
    }),
  }),
  "experiments.previewImport": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ experimentId: experimentRef(f), csv: experimentCsv }),
  }),
  "experiments.importResults": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ experimentId: experimentRef(f), csv: experimentCsv }),
  }),
  "apiTokens.list": () => ({ ...NO_INPUT, viewer: "FORBIDDEN" }),
  "webhooks.list": () => ({ ...NO_INPUT, viewer: "FORBIDDEN" }),
  "webhooks.get": (f) => ({ viewer: "FORBIDDEN", valid: fc.record({ endpointId: webhookRef(f) }) }),
  "webhooks.deliveries": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record(
      {
        endpointId: webhookRef(f),
        limit: fc.integer({ min: 1, max: 100 }),
        cursor: fc.oneof(fc.constant(null), text(200), fc.constant(Buffer.from("{}").toString("base64url"))),
      },
      { requiredKeys: ["endpointId"] },
    ),
  }),
  "webhooks.delivery": (f) => ({ viewer: "FORBIDDEN", valid: fc.record({ deliveryId: webhookDeliveryRef(f) }) }),

  // ── creates and edits ──
  "teams.create": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record(
      { name: text(120), parentId: fc.oneof(teamRef(f), fc.constant(null)) },
      { requiredKeys: ["name"] },
    ),
  }),
  "teams.update": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record(
      {
        teamId: teamRef(f),
        version: version("teamVersion"),
        name: text(120),
        parentId: fc.oneof(
          { weight: 4, arbitrary: teamRef(f) },
          { weight: 1, arbitrary: fc.constant(null) },
          // The team itself, or itself spelled differently: never its own parent.
          { weight: 2, arbitrary: fc.constantFrom(same("teamId"), same("teamId", "upper")) },
        ),
      },
      { requiredKeys: ["teamId", "version"] },
    ),
  }),
  "teams.setMember": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({
      teamId: teamRef(f),
      userId: personRef(f),
      role: fc.constantFrom(...TEAM_MEMBER_ROLES, null),
    }),
  }),
  "cycles.create": () => ({
    viewer: "FORBIDDEN",
    valid: fc.tuple(text(60), isoPeriod).map(([name, period]) => ({ name, ...period })),
  }),
  "cycles.open": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ cycleId: cycleRef(f), version: version("cycleVersion") }),
  }),
  "objectives.create": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record(
      {
        cycleId: cycleRef(f),
        level: fc.constantFrom(...OBJECTIVE_LEVELS),
        title: text(200, { min: 3 }),
        description: text(5000, { min: 0 }),
        teamId: fc.oneof({ weight: 3, arbitrary: teamRef(f) }, { weight: 1, arbitrary: fc.constant(null) }),
        parentId: fc.oneof(objectiveRef(f), fc.constant(null)),
        // Optional (the caller by default); anyone else must be an active member here.
        ownerId: personRef(f),
        visibility: fc.constantFrom(...VISIBILITIES),
        progressSource: fc.constantFrom(...PROGRESS_SOURCES),
        weight,
        publish: fc.boolean(),
        keyResults: fc.array(keyResultDraft(f), { maxLength: 3 }),
        // The strategic objective it contributes to: this organization's, the other's, or none.
        strategicObjectiveId: fc.oneof(strategicObjectiveRef(f), fc.constant(null)),
      },
      { requiredKeys: ["cycleId", "level", "title"] },
    ),
  }),
  "objectives.update": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record(
      {
        objectiveId: objectiveRef(f),
        version: version("objectiveVersion"),
        title: text(200, { min: 3 }),
        description: text(5000, { min: 0 }),
        teamId: fc.oneof(teamRef(f), fc.constant(null)),
        parentId: fc.oneof(
          { weight: 4, arbitrary: objectiveRef(f) },
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.constantFrom(same("objectiveId"), same("objectiveId", "upper")) },
        ),
        ownerId: personRef(f),
        visibility: fc.constantFrom(...VISIBILITIES),
        progressSource: fc.constantFrom(...PROGRESS_SOURCES),
        weight,
        strategicObjectiveId: fc.oneof(strategicObjectiveRef(f), fc.constant(null)),
      },
      { requiredKeys: ["objectiveId", "version"] },
    ),
  }),
  "objectives.publish": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ objectiveId: draftRef(f), version: version("objectiveVersion") }),
  }),
  "keyResults.create": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.tuple(objectiveRef(f), keyResultDraft(f)).map(([objectiveId, draft]) => ({ objectiveId, ...draft })),
  }),
  "keyResults.update": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc
      .tuple(
        fc.record(
          { keyResultId: keyResultRef(f), version: version("keyResultVersion"), ...keyResultFields(f) },
          { requiredKeys: ["keyResultId", "version"] },
        ),
        fc.option(keyResultMeasure, { nil: undefined }),
      )
      .map(([fields, measure]) => ({ ...fields, ...measure })),
  }),
  "keyResults.grade": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record(
      {
        keyResultId: gradableRef(f),
        grade: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(null)),
        reason: text(1000, { min: 0 }),
      },
      { requiredKeys: ["keyResultId", "grade"] },
    ),
  }),
  "checkIns.create": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record(
      {
        keyResultId: keyResultRef(f),
        value: finiteNumber,
        confidence: fc.integer({ min: 0, max: 10 }),
        comment: text(2000, { min: 0 }),
        // A few keys repeat, so replays and key reuse across key results happen.
        idempotencyKey: fc.oneof(fc.uuid(), fc.constantFrom(...REPEATED_KEYS)),
      },
      { requiredKeys: ["keyResultId", "value", "confidence", "idempotencyKey"] },
    ),
  }),
  "checkIns.update": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record(
      {
        checkInId: checkInRef(f),
        value: finiteNumber,
        confidence: fc.integer({ min: 0, max: 10 }),
        comment: text(2000, { min: 0 }),
      },
      { requiredKeys: ["checkInId", "value", "confidence"] },
    ),
  }),
  "comments.create": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.oneof(
      fc.record({ objectiveId: objectiveRef(f), body: text(4000) }),
      fc.record({ keyResultId: keyResultRef(f), body: text(4000) }),
    ),
  }),
  "cycles.carryOver": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({
      objectiveId: objectiveRef(f),
      targetCycleId: cycleRef(f),
      keyResultIds: fc.oneof(
        fc.constant(current("keyResultsOfObjective")),
        fc.array(keyResultRef(f), { maxLength: 3 }),
      ),
    }),
  }),
  "account.updateProfile": () => ({
    // Anyone's own profile; a throwaway person, so the demo's names stay what other entries expect.
    viewer: "allow",
    throwawayCaller: true,
    runs: { garbage: 30, valid: 15 },
    valid: fc.record({
      name: text(120),
      timeZone: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom("UTC", "Europe/Berlin", "america/new_york", "Asia/Kolkata") },
        text(64),
      ),
      version: fc.oneof({ weight: 4, arbitrary: fc.constant(current("profileVersion")) }, fc.integer()),
    }),
  }),
  "account.signOutSession": (f) => ({
    // One's own sessions only: another person's (of this organization or the other) is not found.
    viewer: "allow",
    throwawayCaller: true,
    runs: { garbage: 30, valid: 15 },
    valid: fc.record({ sessionId: idFrom(f.sessionIds, []) }),
  }),
  "account.signOutEverywhere": () => ({
    viewer: "allow",
    throwawayCaller: true,
    runs: { garbage: 20, valid: 6 },
    valid: fc.record({ keepCurrent: fc.boolean() }),
  }),
  "account.changePassword": (f) => ({
    // Any signed-in person may change their own password.
    viewer: "allow",
    throwawayCaller: true,
    runs: { garbage: 30, valid: 10 },
    valid: fc.record({
      currentPassword: fc.oneof({ weight: 4, arbitrary: fc.constant(current("password")) }, text(256)),
      newPassword: fc.oneof(
        { weight: 4, arbitrary: fc.string({ minLength: 10, maxLength: 64 }) },
        fc.string({ minLength: 10, maxLength: 30, unit: "binary" }),
        fc.constantFrom("qwertyuiop", "Password123", "1234567890", ...f.throwawayEmails),
      ),
      confirmPassword: fc.oneof({ weight: 5, arbitrary: fc.constant(same("newPassword")) }, text(256, { min: 0 })),
    }),
  }),
  // Only one's own invitation can be answered: these are unknown ids or the second organization's invitation of Ravi.
  "invitations.accept": (f) => ({
    viewer: "allow",
    valid: fc.record({ invitationId: idFrom([], [f.other.invitationId]) }),
  }),
  "invitations.decline": (f) => ({
    viewer: "allow",
    valid: fc.record({ invitationId: idFrom([], [f.other.invitationId]) }),
  }),
  "users.create": (f) => ({
    viewer: "FORBIDDEN",
    // A new account hashes a temporary password (argon2): fewer runs.
    runs: { garbage: 30, valid: 15 },
    valid: fc.record({ email: email(f), name: text(120), role: fc.constantFrom(...ROLES) }),
  }),
  "users.changeRole": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ userId: idFrom(f.targetUserIds, f.other.userIds), role: fc.constantFrom(...ROLES) }),
  }),
  "users.reactivate": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ userId: personRef(f) }),
  }),
  "organizations.updateSettings": () => ({
    viewer: "FORBIDDEN",
    valid: fc.record({
      version: version("organizationVersion"),
      name: text(120),
      fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
      defaultCycleMonths: fc.integer({ min: 1, max: 12 }),
    }),
  }),

  // The balanced scorecard: perspectives, strategy map, KPIs and their numbers.
  "perspectives.create": () => ({
    viewer: "FORBIDDEN",
    // Every success adds a band; a reorder must name them all (at most 50).
    runs: { garbage: 25, valid: 10 },
    valid: fc.record({ name: text(60), weight: scoreWeight }, { requiredKeys: ["name"] }),
  }),
  "perspectives.update": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record(
      {
        perspectiveId: perspectiveRef(f),
        version: version("perspectiveVersion"),
        name: text(60),
        weight: scoreWeight,
      },
      { requiredKeys: ["perspectiveId", "version"] },
    ),
  }),
  "perspectives.reorder": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({
      perspectiveIds: fc.oneof(
        { weight: 4, arbitrary: currentPick("perspectiveOrder") },
        { weight: 1, arbitrary: fc.array(perspectiveRef(f), { minLength: 1, maxLength: 6 }) },
      ),
    }),
  }),
  "strategy.createObjective": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record(
      {
        perspectiveId: perspectiveRef(f),
        name: text(200, { min: 3 }),
        description: text(2000, { min: 0 }),
        ownerId: personRef(f),
        weight: scoreWeight,
      },
      { requiredKeys: ["perspectiveId", "name", "ownerId"] },
    ),
  }),
  "strategy.updateObjective": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record(
      {
        strategicObjectiveId: strategicObjectiveRef(f),
        version: version("strategicObjectiveVersion"),
        name: text(200, { min: 3 }),
        description: text(2000, { min: 0 }),
        ownerId: personRef(f),
        weight: scoreWeight,
        perspectiveId: perspectiveRef(f),
      },
      { requiredKeys: ["strategicObjectiveId", "version"] },
    ),
  }),
  "strategy.link": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({
      causeId: strategicObjectiveRef(f),
      effectId: fc.oneof(
        { weight: 5, arbitrary: strategicObjectiveRef(f) },
        // Its own cause, in either spelling.
        { weight: 1, arbitrary: fc.constantFrom(same("causeId"), same("causeId", "upper")) },
      ),
    }),
  }),
  // Actuals before KPI definitions change: the files name the demo's KPIs as seeded.
  "kpiActuals.save": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({ kpiId: enteredKpiRef(f), values: actualValues }),
  }),
  "kpiActuals.previewImport": (f) => ({
    viewer: "FORBIDDEN",
    runs: { garbage: 15, valid: 25 },
    valid: fc.record({ csv: actualsCsv(f.enteredKpis, f.refusedKpis) }),
  }),
  "kpiActuals.import": (f) => ({
    viewer: "FORBIDDEN",
    runs: { garbage: 15, valid: 25 },
    valid: fc.record({ csv: actualsCsv(f.enteredKpis, f.refusedKpis) }),
  }),
  "benchmarks.upsert": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({
      kpiId: enteredKpiRef(f),
      source: fc.oneof(text(80), fc.constantFrom("Contoso", "contoso", " Industry median ", "Fabrikam")),
      periodStart: periodStartDay,
      value: kpiNumber,
    }),
  }),
  "kpis.create": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc
      .tuple(
        fc.record(kpiFields(f), { requiredKeys: ["name", "frequency", "aggregation", "ownerId"] }),
        kpiMeasure,
        kpiKindInputs(f),
      )
      .map(([fields, measure, kind]) => ({ ...fields, ...measure, ...kind })),
  }),
  "kpis.update": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc
      .tuple(
        fc.record(
          { kpiId: kpiRef(f), version: version("kpiVersion"), ...kpiFields(f) },
          { requiredKeys: ["kpiId", "version"] },
        ),
        fc.oneof(
          fc.constant({}),
          kpiMeasure,
          fc.record(
            { goal: kpiNumber, redFlag: kpiNumber, direction: fc.constantFrom(...KPI_DIRECTIONS) },
            {
              requiredKeys: [],
            },
          ),
        ),
        fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: kpiKindInputs(f) }),
      )
      .map(([fields, measure, kind]) => ({ ...fields, ...measure, ...kind })),
  }),
  "kpis.setTarget": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc
      .tuple(enteredKpiRef(f), quarterDay, kpiMeasure)
      .map(([kpiId, periodStart, { goal, redFlag }]) => ({ kpiId, periodStart, goal, redFlag })),
  }),
  "apiTokens.create": () => ({
    viewer: "FORBIDDEN",
    runs: { garbage: 25, valid: 10 },
    valid: fc.record(
      {
        name: text(80),
        scopes: fc.uniqueArray(fc.constantFrom(...API_SCOPES), { minLength: 1 }),
        // The last day it works: today at the earliest.
        expiresOn: fc
          .integer({ min: 0, max: 3650 })
          .map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)),
      },
      { requiredKeys: ["name", "scopes"] },
    ),
  }),
  "webhooks.create": (f) => ({
    viewer: "FORBIDDEN",
    runs: WEBHOOK_WRITE_RUNS,
    valid: fc.record(webhookFields(f), { requiredKeys: ["url", "events"] }),
  }),
  "webhooks.update": (f) => ({
    viewer: "FORBIDDEN",
    runs: WEBHOOK_WRITE_RUNS,
    valid: fc.record({
      endpointId: webhookRef(f),
      version: version("webhookVersion"),
      ...webhookFields(f),
      // Mostly kept on, so that resend and sendTest find active endpoints.
      enabled: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
  }),
  "webhooks.rotateSecret": (f) => ({
    viewer: "FORBIDDEN",
    runs: WEBHOOK_WRITE_RUNS,
    valid: fc.record({ endpointId: webhookRef(f) }),
  }),
  "webhooks.resend": (f) => ({
    viewer: "FORBIDDEN",
    runs: WEBHOOK_WRITE_RUNS,
    valid: fc.record({ deliveryId: webhookDeliveryRef(f) }),
  }),
  "webhooks.sendTest": (f) => ({
    viewer: "FORBIDDEN",
    runs: WEBHOOK_WRITE_RUNS,
    valid: fc.record({ endpointId: webhookRef(f) }),
  }),
  // Campaigns.
  "campaigns.list": (f) => ({
    viewer: "allow",
    valid: fc.record(
      {
        channel: fc.constantFrom(...CAMPAIGN_CHANNELS),
        status: fc.constantFrom(...CAMPAIGN_STATUSES),
        teamId: teamRef(f),
        ownerId: idFrom(f.allUserIds),
        from: isoDay,
        to: isoDay,
        limit: fc.integer({ min: 1, max: 100 }),
      },
      { requiredKeys: [] },
    ),
  }),
  "campaigns.calendar": (f) => ({
    viewer: "allow",
    valid: fc.record(
      {
        from: fc.constantFrom("2026-01-01", "2026-04-01", "2026-07-01"),
        to: fc.constantFrom("2026-03-31", "2026-12-31", "2027-01-31"),
        channel: fc.constantFrom(...CAMPAIGN_CHANNELS),
        teamId: teamRef(f),
      },
      { requiredKeys: ["from", "to"] },
    ),
  }),
  "campaigns.get": (f) => ({ viewer: "allow", valid: fc.record({ campaignId: campaignRef(f) }) }),
  "campaigns.dashboard": (f) => ({
    viewer: "allow",
    valid: fc.record(
      { period: quarterDay, channel: fc.constantFrom(...CAMPAIGN_CHANNELS), teamId: teamRef(f), currency: currency },
      { requiredKeys: [] },
    ),
  }),
  "campaigns.create": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record(
      {
        name: text(120),
        channel: fc.constantFrom(...CAMPAIGN_CHANNELS),
        ownerId: idFrom(f.allUserIds, f.other.userIds),
        teamId: fc.option(teamRef(f), { nil: null }),
        status: fc.constantFrom(...CAMPAIGN_STATUSES),
        startsOn: fc.constantFrom("2026-04-01", "2026-07-15"),
        endsOn: fc.constantFrom("2026-03-31", "2026-07-31", "2026-09-30"),
        budget: money,
        currency,
        utmSource: text(100, { min: 0 }),
        landingUrl: fc.constantFrom("", "https://example.com/spring", "javascript:alert(1)"),
        objectiveId: fc.option(objectiveRef(f), { nil: null }),
        keyResultId: fc.option(keyResultRef(f), { nil: null }),
        strategicObjectiveId: fc.option(strategicObjectiveRef(f), { nil: null }),
      },
      { requiredKeys: ["name", "channel", "ownerId", "startsOn", "endsOn", "currency"] },
    ),
  }),
  "campaigns.update": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record(
      {
        campaignId: campaignRef(f),
        version: version("campaignVersion"),
        name: text(120),
        status: fc.constantFrom(...CAMPAIGN_STATUSES),
        endsOn: fc.constantFrom("2026-03-31", "2026-09-30"),
        budget: money,
        currency,
        teamId: fc.option(teamRef(f), { nil: null }),
        ownerId: idFrom(f.allUserIds, f.other.userIds),
      },
      { requiredKeys: ["campaignId", "version"] },
    ),
  }),
  "campaigns.move": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({
      campaignId: campaignRef(f),
      version: version("campaignVersion"),
      startsOn: fc.constantFrom("2026-04-06", "2026-07-13"),
      endsOn: fc.constantFrom("2026-04-01", "2026-07-26", "2026-10-04"),
    }),
  }),
  "campaigns.saveResults": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({
      campaignId: campaignRef(f),
      currency,
      values: fc.uniqueArray(
        fc.record({
          periodStart: fc.constantFrom("2026-04-01", "2026-05-01", "2026-06-01", "2026-07-06"),
          spend: fc.option(money, { nil: null }),
          conversions: fc.option(fc.integer({ min: -5, max: 1_000_000 }), { nil: null }),
          revenue: fc.option(money, { nil: null }),
        }),
        { minLength: 1, maxLength: 4, selector: (v) => v.periodStart },
      ),
    }),
  }),
  "campaigns.previewImport": (f) => ({
    viewer: "FORBIDDEN",
    runs: { garbage: 15, valid: 15 },
    valid: fc.record({ csv: campaignCsv(f) }),
  }),
  "campaigns.import": (f) => ({
    viewer: "FORBIDDEN",
    runs: { garbage: 15, valid: 15 },
    valid: fc.record({ csv: campaignCsv(f) }),
  }),
  // One's own notification centre: every role, their own rows only; the organization's settings: admins.
  "notifications.inbox": () => ({
    viewer: "allow",
    valid: fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      {
        weight: 6,
        arbitrary: fc.record(
          { cursor: fc.oneof(fc.constant(null), auditCursor), limit: pageLimit, unreadOnly: fc.boolean() },
          { requiredKeys: [] },
        ),
      },
    ),
  }),
  "notifications.unreadCount": () => ({ ...NO_INPUT, viewer: "allow" }),
  "notifications.markRead": (f) => ({
    viewer: "allow",
    valid: fc.record({ ids: fc.array(idFrom(f.allUserIds, f.other.userIds), { minLength: 1, maxLength: 5 }) }),
  }),
  "notifications.markAllRead": () => ({ ...NO_INPUT, viewer: "allow" }),
  "notifications.myPreferences": () => ({ ...NO_INPUT, viewer: "allow" }),
  "notifications.setMyPreferences": () => ({ viewer: "allow", valid: notificationChoices }),
  "notifications.organizationDefaults": () => ({ ...NO_INPUT, viewer: "FORBIDDEN" }),
  "notifications.setOrganizationDefaults": () => ({ viewer: "FORBIDDEN", valid: notificationChoices }),
  "notifications.checkInSchedule": () => ({ ...NO_INPUT, viewer: "FORBIDDEN" }),
  "notifications.setCheckInSchedule": () => ({
    viewer: "FORBIDDEN",
    valid: fc.record({
      weekday: fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constantFrom(0, 8, 1.5)),
      time: fc.oneof(fc.constantFrom("09:00", "23:59", "00:00", "24:00", "9:00"), text(8)),
      reminderAfterDays: fc.integer({ min: 0, max: 8 }),
      version: version("organizationVersion"),
    }),
  }),
  "calendarFeed.status": () => ({ ...NO_INPUT, viewer: "allow" }),
  "calendarFeed.rotate": () => ({ ...NO_INPUT, viewer: "allow" }),
  "calendarFeed.revoke": () => ({ ...NO_INPUT, viewer: "allow" }),
  // The quarterly review.
  "reviews.open": (f) => ({
    viewer: "FORBIDDEN",
    // One review per cycle and scope: most valid opens meet the one already there.
    runs: { garbage: 25, valid: 12 },
    valid: fc.record(
      { cycleId: cycleRef(f), teamId: fc.oneof(teamRef(f), fc.constant(null)) },
      { requiredKeys: ["cycleId"] },
    ),
  }),
  "reviews.comment": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record(
      {
        reviewId: openReviewRef(f),
        ...reviewSubject(f),
        // Empty removes the commentary.
        body: text(5000, { min: 0 }),
        version: fc.oneof(
          { weight: 3, arbitrary: fc.constant(current("reviewCommentVersion")) },
          { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) },
        ),
      },
      { requiredKeys: ["reviewId", "subjectType", "subjectId", "body"] },
    ),
  }),
  "correctiveActions.create": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({
      reviewId: openReviewRef(f),
      ...reviewSubject(f),
      title: text(300),
      ownerId: personRef(f),
      dueOn: dueDay,
    }),
  }),
  "correctiveActions.update": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record(
      {
        actionId: actionRef(f),
        version: version("actionVersion"),
        status: fc.constantFrom(...ACTION_STATUSES),
        title: text(300),
        ownerId: personRef(f),
        dueOn: dueDay,
      },
      { requiredKeys: ["actionId", "version"] },
    ),
  }),

  // ── what closes, archives, resets, deactivates or deletes: last ──
  "kpis.removeTarget": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({
      kpiId: fc.oneof({ weight: 3, arbitrary: live("targetedKpi") }, kpiRef(f)),
      periodStart: fc.oneof(
        { weight: 3, arbitrary: currentPick("kpiTargetPeriod") },
        { weight: 1, arbitrary: quarterDay },
      ),
    }),
  }),
  "benchmarks.remove": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({ benchmarkId: benchmarkRef(f) }),
  }),
  "strategy.unlink": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({ linkId: linkRef(f) }),
  }),
  "apiTokens.revoke": (f) => ({
    viewer: "FORBIDDEN",
    runs: { garbage: 25, valid: 12 },
    valid: fc.record({ tokenId: tokenRef(f) }),
  }),
  "webhooks.remove": (f) => ({
    viewer: "FORBIDDEN",
    runs: { garbage: 25, valid: 8 },
    valid: fc.record({ endpointId: webhookRef(f) }),
  }),
  "reviews.finalize": (f) => ({
    viewer: "FORBIDDEN",
    runs: { garbage: 25, valid: 12 },
    valid: fc.record({ reviewId: openReviewRef(f), version: version("reviewVersion") }),
  }),
  "kpis.archive": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({ kpiId: kpiRef(f), version: version("kpiVersion") }),
  }),
  "strategy.removeObjective": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({ strategicObjectiveId: strategicObjectiveRef(f), version: version("strategicObjectiveVersion") }),
  }),
  "perspectives.remove": (f) => ({
    viewer: "FORBIDDEN",
    runs: SCORECARD_WRITE_RUNS,
    valid: fc.record({ perspectiveId: perspectiveRef(f), version: version("perspectiveVersion") }),
  }),
  "users.resetPassword": (f) => ({
    viewer: "FORBIDDEN",
    runs: { garbage: 30, valid: 12 },
    valid: fc.record({ userId: selfOrOthers(f) }),
  }),
  "users.deactivate": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ userId: selfOrOthers(f) }),
  }),
  "checkIns.delete": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ checkInId: checkInRef(f) }),
  }),
  "keyResults.archive": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ keyResultId: keyResultRef(f), version: version("keyResultVersion") }),
  }),
  "objectives.archive": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ objectiveId: objectiveRef(f), version: version("objectiveVersion") }),
  }),
  "teams.archive": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ teamId: teamRef(f), version: version("teamVersion") }),
  }),
  "cycles.close": (f) => ({
    viewer: "FORBIDDEN",
    valid: fc.record({ cycleId: cycleRef(f), version: version("cycleVersion") }),
  }),
};

// ── the second organization, whose every trace is a leak ─────────────────

const SECRET = "Zeta Confidential";
const needles: string[] = [];

// ── state ─────────────────────────────────────────────────────────────────

let handle: DatabaseHandle;
let fixtures: Fixtures;
let otherOrgBefore: FuzzSnapshot;
let lastSnapshot: FuzzSnapshot;
/** The fuzzing callers' own access, which no call may take away (they would stop testing anything). */
let guarded: string;
/** Integrity violations already reported (none unless a property failed). */
let brokenBefore = new Set<string>();
const callers = new Map<Principal, Caller>();
let webhookReceiver: Server | undefined;
let webhookReceiverUrl = "";

/** A delivered event of an endpoint, so that the log, its detail and resend have something to work on. */
async function insertWebhookDelivery(db: Database, organizationId: string, endpointId: string): Promise<string> {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      organizationId,
      endpointId,
      eventId: `msg_${randomUUID()}`,
      eventType: "checkin.created",
      payload: { type: "checkin.created", timestamp: new Date().toISOString(), data: {} },
      state: "succeeded",
      attempts: 1,
    })
    .returning({ id: webhookDeliveries.id });
  if (!row) throw new Error("webhook delivery was not created");
  return row.id;
}
const throwaways = new Map<Principal, { email: string; password: string; caller: Caller }>();

// At run time the record is flat, keyed by path ("users.create").
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const routerPaths = Object.keys(procedures);

beforeAll(async () => {
  // Webhook endpoints point at a receiver of the test's own, on 127.0.0.1.
  vi.stubEnv("MERIDIAN_WEBHOOKS_ALLOW_PRIVATE", "1");
  webhookReceiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end("ok"));
  });
  await new Promise<void>((resolve) => webhookReceiver?.listen(0, "127.0.0.1", resolve));
  webhookReceiverUrl = `http://127.0.0.1:${(webhookReceiver.address() as AddressInfo).port}`;
  handle = await createTestDatabase();
  const db = handle.db;
  const orgId = await seedDemoOrganization(db);

  // The second organization: people, a team, a cycle, an objective, a key result, a check-in, an audit entry.
  const other = await createOrganization(db, { name: `${SECRET} Holdings` });
  const otherAdmin = await createMember(db, other.id, "admin", {
    email: "zeta.admin@zeta-confidential.test",
    name: `${SECRET} Admin`,
  });
  const otherMember = await createMember(db, other.id, "member", {
    email: "zeta.member@zeta-confidential.test",
    name: `${SECRET} Member`,
  });
  const otherTeam = await createTeam(db, other.id, {
    name: `${SECRET} Team`,
    leads: [otherAdmin.id],
    members: [otherMember.id],
  });
  const otherCycle = await createCycle(db, other.id, { name: `${SECRET} Cycle` });
  const otherObjective = await createObjective(
    db,
    { organizationId: other.id, cycleId: otherCycle.id, ownerId: otherAdmin.id },
    { title: `${SECRET} Objective`, teamId: otherTeam.id },
  );
  const otherKeyResult = await createKeyResult(
    db,
    { organizationId: other.id, objectiveId: otherObjective.id, ownerId: otherMember.id },
    { title: `${SECRET} Key Result` },
  );
  const [otherCheckIn] = await db
    .insert(checkIns)
    .values({
      organizationId: other.id,
      keyResultId: otherKeyResult.id,
      authorId: otherMember.id,
      value: 42,
      confidence: 7,
      comment: `${SECRET} check-in`,
      idempotencyKey: randomUUID(),
      seq: 1,
    })
    .returning();
  const [otherActivity] = await db
    .insert(activityLog)
    .values({
      organizationId: other.id,
      actorId: otherAdmin.id,
      entityType: "team",
      entityId: otherTeam.id,
      action: "team.created",
      details: { name: `${SECRET} Team` },
    })
    .returning();
  // Its scorecard, written through the API as its own admin: a strategy map, a KPI with an actual,
  // a target and a benchmark, an API token, and an open review with commentary and an action.
  const zeta = await callerFor(db, otherAdmin.email);
  const otherPerspective = await zeta.perspectives.create({ name: `${SECRET} Financial` });
  const [otherGoal, otherCause] = [
    await zeta.strategy.createObjective({
      perspectiveId: otherPerspective.id,
      name: `${SECRET} Growth`,
      ownerId: otherAdmin.id,
    }),
    await zeta.strategy.createObjective({
      perspectiveId: otherPerspective.id,
      name: `${SECRET} Retention`,
      ownerId: otherMember.id,
    }),
  ];
  const otherLink = await zeta.strategy.link({ causeId: otherCause.id, effectId: otherGoal.id });
  const otherKpi = await zeta.kpis.create({
    name: `${SECRET} Revenue`,
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    goal: 100,
    redFlag: 80,
    ownerId: otherAdmin.id,
    strategicObjectiveId: otherGoal.id,
  });
  await zeta.kpiActuals.save({ kpiId: otherKpi.id, values: [{ periodStart: "2026-07-01", value: 90 }] });
  await zeta.kpis.setTarget({ kpiId: otherKpi.id, periodStart: "2026-07-01", goal: 120, redFlag: 90 });
  const otherBenchmark = await zeta.benchmarks.upsert({
    kpiId: otherKpi.id,
    source: `${SECRET} Rival`,
    periodStart: "2026-07-01",
    value: 95,
  });
  const otherToken = await zeta.apiTokens.create({ name: `${SECRET} Warehouse`, scopes: ["kpis:write"] });
  const otherWebhook = await zeta.webhooks.create({
    url: `${webhookReceiverUrl}/${SECRET}`,
    events: ["checkin.created"],
    description: `${SECRET} hook`,
  });
  const otherDelivery = await insertWebhookDelivery(db, other.id, otherWebhook.id);
  const otherReview = await zeta.reviews.open({ cycleId: otherCycle.id });
  const otherComment = await zeta.reviews.comment({
    reviewId: otherReview.id,
    subjectType: "kpi",
    subjectId: otherKpi.id,
    body: `${SECRET} commentary`,
  });
  const otherAction = await zeta.correctiveActions.create({
    reviewId: otherReview.id,
    subjectType: "kpi",
    subjectId: otherKpi.id,
    title: `${SECRET} action`,
    ownerId: otherMember.id,
    dueOn: "2026-12-31",
  });
  const otherCampaign = await zeta.campaigns.create({
    name: `${SECRET} Launch`,
    channel: "events",
    ownerId: otherAdmin.id,
    startsOn: "2026-04-01",
    endsOn: "2026-06-30",
    currency: "EUR",
  });
  await zeta.campaigns.saveResults({
    campaignId: otherCampaign.id,
    currency: "EUR",
    values: [{ periodStart: "2026-04-01", spend: 1000, conversions: 3, revenue: 5000 }],
  });
  needles.push(
    otherCampaign.id,
    otherPerspective.id,
    otherGoal.id,
    otherCause.id,
    otherLink.id,
    otherKpi.id,
    otherBenchmark.id,
    otherToken.id,
    otherToken.token,
    otherToken.prefix,
    otherReview.id,
    otherComment?.id ?? "",
    otherAction.id,
  );

  needles.push(
    SECRET,
    other.id,
    other.slug,
    otherAdmin.id,
    otherAdmin.email,
    otherMember.id,
    otherMember.email,
    otherTeam.id,
    otherCycle.id,
    otherObjective.id,
    otherKeyResult.id,
    otherCheckIn?.id ?? "",
    otherActivity?.id ?? "",
  );

  // Throwaway people for account.changePassword, one per principal's role.
  for (const principal of PRINCIPALS) {
    const address = `fuzz.throwaway.${principal}@example.com`;
    await createMember(db, orgId, principal, { email: address, name: `Fuzz Throwaway ${principal}` });
    throwaways.set(principal, {
      email: address,
      password: "factory-password",
      caller: await callerFor(db, address),
    });
  }
  callers.set("admin", await callerFor(db, DEMO.admin));
  callers.set("viewer", await callerFor(db, DEMO.viewer));

  // The demo has a finalized review of last quarter; give the fuzzer an open one too, with an
  // action and a commentary, and an API token to list and revoke.
  const admin = callers.get("admin") as Caller;
  const [openCycle] = await db
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.organizationId, orgId), eq(cycles.status, "open")))
    .limit(1);
  const [someKpi] = await db.select({ id: kpis.id }).from(kpis).where(eq(kpis.organizationId, orgId)).limit(1);
  if (!openCycle || !someKpi) throw new Error("the demo has no open cycle or no KPI");
  const openReview = await admin.reviews.open({ cycleId: openCycle.id });
  await admin.reviews.comment({ reviewId: openReview.id, subjectType: "kpi", subjectId: someKpi.id, body: "Fuzz" });
  await admin.correctiveActions.create({
    reviewId: openReview.id,
    subjectType: "kpi",
    subjectId: someKpi.id,
    title: "Fuzz the scorecard",
    ownerId: await userIdOf(db, DEMO.member),
    dueOn: "2026-12-31",
  });
  await admin.apiTokens.create({ name: "Fuzz warehouse", scopes: ["kpis:write", "marketing:write"] });
  for (const events of [["checkin.created", "objective.status_changed"], ["kpi.status_changed"]] as const) {
    const hook = await admin.webhooks.create({ url: `${webhookReceiverUrl}/demo`, events: [...events] });
    await insertWebhookDelivery(db, orgId, hook.id);
  }
  // Two experiments of the demo, one running, for the experiment procedures to work on.
  const [someTeam] = await db.select({ id: teams.id }).from(teams).where(eq(teams.organizationId, orgId)).limit(1);
  if (!someTeam) throw new Error("the demo has no team");
  for (const name of ["Fuzz checkout button", "Fuzz pricing page"]) {
    const made = await admin.experiments.create({
      name,
      ownerId: await userIdOf(db, DEMO.admin),
      teamId: someTeam.id,
      minimumDetectableEffect: 10,
      variants: [
        { name: "Control", weight: 1 },
        { name: "Treatment B", weight: 1 },
      ],
    });
    if (name.includes("checkout"))
      await admin.experiments.setStatus({ experimentId: made.id, version: 1, status: "running" });
  }
  const [marketing] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organizationId, orgId), eq(teams.name, "Marketing")));
  for (const [name, teamId] of [
    ["Fuzz spring launch", marketing?.id ?? null],
    ["Fuzz brand week", null],
  ] as const) {
    await admin.campaigns.create({
      name,
      channel: "email",
      ownerId: await userIdOf(db, DEMO.admin),
      teamId,
      startsOn: "2026-04-01",
      endsOn: "2026-06-30",
      currency: "EUR",
      budget: 500_000,
    });
  }

  const people = await db
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, orgId));
  const idOf = (address: string) => {
    const row = people.find((p) => p.email === address);
    if (!row) throw new Error(`No ${address}`);
    return row.id;
  };
  const throwawayEmails = [...throwaways.values()].map((t) => t.email);
  const adminId = idOf(DEMO.admin);
  const viewerId = idOf(DEMO.viewer);
  const throwawayIds = throwawayEmails.map(idOf);
  const idsIn = async (
    table:
      | typeof teams
      | typeof cycles
      | typeof objectives
      | typeof keyResults
      | typeof checkIns
      | typeof perspectives
      | typeof strategicObjectives
      | typeof strategyLinks
      | typeof kpiBenchmarks
      | typeof apiTokens
      | typeof reviews
      | typeof correctiveActions,
  ) => (await db.select({ id: table.id }).from(table).where(eq(table.organizationId, orgId))).map((r) => r.id);
  const kpiRows = await db
    .select({ id: kpis.id, name: kpis.name, frequency: kpis.frequency, kind: kpis.kind, archivedAt: kpis.archivedAt })
    .from(kpis)
    .where(eq(kpis.organizationId, orgId))
    .orderBy(kpis.name);
  const asTarget = ({ id, name, frequency }: ActualsTarget) => ({ id, name, frequency });
  const [otherInvitation] = await db
    .insert(invitations)
    .values({ organizationId: other.id, userId: idOf(DEMO.ravi), role: "member" })
    .returning({ id: invitations.id });

  const [otherExperiment] = await db
    .insert(experiments)
    .values({
      organizationId: other.id,
      teamId: otherTeam.id,
      ownerId: otherAdmin.id,
      name: `${SECRET} experiment`,
      mdeBp: 500,
    })
    .returning({ id: experiments.id });
  if (!otherExperiment) throw new Error("no second-organization experiment");
  const [otherVariant] = await db
    .insert(experimentVariants)
    .values({ organizationId: other.id, experimentId: otherExperiment.id, name: "Control", isControl: true })
    .returning({ id: experimentVariants.id });
  const tenantIds = async (table: typeof experiments | typeof experimentVariants | typeof experimentMetrics) =>
    (await db.select({ id: table.id }).from(table).where(eq(table.organizationId, orgId))).map((r) => r.id);

  fixtures = {
    orgId,
    adminId,
    viewerId,
    targetUserIds: people.map((p) => p.id).filter((id) => ![adminId, viewerId, ...throwawayIds].includes(id)),
    allUserIds: people.map((p) => p.id),
    emails: people.map((p) => p.email),
    throwawayEmails,
    sessionIds: await sessionsOf([...throwawayIds, otherAdmin.id]),
    teamIds: await idsIn(teams),
    cycleIds: await idsIn(cycles),
    objectiveIds: await idsIn(objectives),
    keyResultIds: await idsIn(keyResults),
    checkInIds: await idsIn(checkIns),
    perspectiveIds: await idsIn(perspectives),
    strategicObjectiveIds: await idsIn(strategicObjectives),
    linkIds: await idsIn(strategyLinks),
    kpiIds: kpiRows.map((k) => k.id),
    kpiNames: kpiRows.map((k) => k.name),
    benchmarkIds: await idsIn(kpiBenchmarks),
    tokenIds: await idsIn(apiTokens),
    reviewIds: await idsIn(reviews),
    actionIds: await idsIn(correctiveActions),
    experimentIds: await tenantIds(experiments),
    variantIds: await tenantIds(experimentVariants),
    metricIds: await tenantIds(experimentMetrics),
    campaignIds: (await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.organizationId, orgId))).map(
      (r) => r.id,
    ),
    campaignNames: (
      await db.select({ name: campaigns.name }).from(campaigns).where(eq(campaigns.organizationId, orgId))
    ).map((r) => r.name),
    webhookReceiverUrl,
    webhookEndpointIds: (
      await db
        .select({ id: webhookEndpoints.id })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.organizationId, orgId))
    ).map((r) => r.id),
    webhookDeliveryIds: (
      await db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.organizationId, orgId))
    ).map((r) => r.id),
    enteredKpis: kpiRows.filter((k) => k.kind === "manual" && !k.archivedAt).map(asTarget),
    refusedKpis: [
      ...kpiRows.filter((k) => k.kind !== "manual" || k.archivedAt).map(asTarget),
      { id: otherKpi.id, name: `${SECRET} Revenue`, frequency: "monthly" },
    ],
    other: {
      invitationId: otherInvitation?.id ?? NOTHING_LEFT,
      orgId: other.id,
      userIds: [otherAdmin.id, otherMember.id],
      teamId: otherTeam.id,
      cycleId: otherCycle.id,
      objectiveId: otherObjective.id,
      keyResultId: otherKeyResult.id,
      checkInId: otherCheckIn?.id ?? NOTHING_LEFT,
      perspectiveId: otherPerspective.id,
      strategicObjectiveId: otherGoal.id,
      linkId: otherLink.id,
      kpiId: otherKpi.id,
      benchmarkId: otherBenchmark.id,
      tokenId: otherToken.id,
      webhookEndpointId: otherWebhook.id,
      webhookDeliveryId: otherDelivery,
      reviewId: otherReview.id,
      actionId: otherAction.id,
      experimentId: otherExperiment.id,
      variantId: otherVariant?.id ?? NOTHING_LEFT,
      campaignId: otherCampaign.id,
    },
  };
  guarded = await guardedAccess();
  expect(await fuzzInvariantViolations(db), "the seeded data already breaks an invariant").toEqual([]);
  otherOrgBefore = await fuzzSnapshot(db, other.id);
  lastSnapshot = await fuzzSnapshot(db);
});

afterAll(async () => {
  printStats();
  vi.unstubAllEnvs();
  await new Promise((resolve) => webhookReceiver?.close(resolve));
  await handle?.close();
});

// ── resolving markers ────────────────────────────────────────────────────

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Two signed-in sessions for each of these people, as their sign-ins would record them. */
async function sessionsOf(userIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const userId of userIds) {
    for (const userAgent of ["Firefox 133 on macOS", "Safari 17 on iOS"]) {
      const [row] = await handle.db
        .select({ sessionVersion: users.sessionVersion })
        .from(users)
        .where(eq(users.id, userId));
      const claims = await openSession(
        handle.db,
        { userId, sessionVersion: row?.sessionVersion ?? 0, authTime: Math.floor(Date.now() / 1000) },
        { userAgent, clientAddress: "203.0.113.20" },
      );
      if (claims.sessionId) ids.push(claims.sessionId);
    }
  }
  return ids;
}

function resolversFor(principal: Principal): MarkerResolvers {
  const db = handle.db;
  const org = () => fixtures.orgId;
  // Rows as they are now, in a stable order: created ones join, archived teams leave.
  const pools = {
    team: () =>
      db
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.organizationId, org()), isNull(teams.archivedAt)))
        .orderBy(teams.createdAt, teams.id),
    cycle: () =>
      db
        .select({ id: cycles.id })
        .from(cycles)
        .where(eq(cycles.organizationId, org()))
        .orderBy(cycles.createdAt, cycles.id),
    objective: () =>
      db
        .select({ id: objectives.id })
        .from(objectives)
        .where(eq(objectives.organizationId, org()))
        .orderBy(objectives.createdAt, objectives.id),
    keyResult: () =>
      db
        .select({ id: keyResults.id })
        .from(keyResults)
        .where(eq(keyResults.organizationId, org()))
        .orderBy(keyResults.createdAt, keyResults.id),
    draftObjective: () =>
      db
        .select({ id: objectives.id })
        .from(objectives)
        .where(and(eq(objectives.organizationId, org()), eq(objectives.status, "draft")))
        .orderBy(objectives.createdAt, objectives.id),
    gradableKeyResult: () =>
      db
        .select({ id: keyResults.id })
        .from(keyResults)
        .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
        .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
        .where(and(eq(keyResults.organizationId, org()), eq(cycles.status, "closed")))
        .orderBy(keyResults.createdAt, keyResults.id),
    checkIn: () =>
      db
        .select({ id: checkIns.id })
        .from(checkIns)
        .where(eq(checkIns.organizationId, org()))
        .orderBy(checkIns.createdAt, checkIns.id),
    perspective: () =>
      db
        .select({ id: perspectives.id })
        .from(perspectives)
        .where(eq(perspectives.organizationId, org()))
        .orderBy(perspectives.createdAt, perspectives.id),
    strategicObjective: () =>
      db
        .select({ id: strategicObjectives.id })
        .from(strategicObjectives)
        .where(eq(strategicObjectives.organizationId, org()))
        .orderBy(strategicObjectives.createdAt, strategicObjectives.id),
    strategyLink: () =>
      db
        .select({ id: strategyLinks.id })
        .from(strategyLinks)
        .where(eq(strategyLinks.organizationId, org()))
        .orderBy(strategyLinks.createdAt, strategyLinks.id),
    kpi: () =>
      db.select({ id: kpis.id }).from(kpis).where(eq(kpis.organizationId, org())).orderBy(kpis.createdAt, kpis.id),
    enteredKpi: () =>
      db
        .select({ id: kpis.id })
        .from(kpis)
        .where(and(eq(kpis.organizationId, org()), eq(kpis.kind, "manual"), isNull(kpis.archivedAt)))
        .orderBy(kpis.createdAt, kpis.id),
    targetedKpi: () =>
      db
        .selectDistinct({ id: kpiTargets.kpiId })
        .from(kpiTargets)
        .where(eq(kpiTargets.organizationId, org()))
        .orderBy(kpiTargets.kpiId),
    benchmark: () =>
      db
        .select({ id: kpiBenchmarks.id })
        .from(kpiBenchmarks)
        .where(eq(kpiBenchmarks.organizationId, org()))
        .orderBy(kpiBenchmarks.createdAt, kpiBenchmarks.id),
    apiToken: () =>
      db
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .where(eq(apiTokens.organizationId, org()))
        .orderBy(apiTokens.createdAt, apiTokens.id),
    review: () =>
      db
        .select({ id: reviews.id })
        .from(reviews)
        .where(eq(reviews.organizationId, org()))
        .orderBy(reviews.openedAt, reviews.id),
    openReview: () =>
      db
        .select({ id: reviews.id })
        .from(reviews)
        .where(and(eq(reviews.organizationId, org()), eq(reviews.status, "open")))
        .orderBy(reviews.openedAt, reviews.id),
    correctiveAction: () =>
      db
        .select({ id: correctiveActions.id })
        .from(correctiveActions)
        .where(eq(correctiveActions.organizationId, org()))
        .orderBy(correctiveActions.createdAt, correctiveActions.id),
    webhookEndpoint: () =>
      db
        .select({ id: webhookEndpoints.id })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.organizationId, org()))
        .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id),
    webhookDelivery: () =>
      db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.organizationId, org()))
        .orderBy(webhookDeliveries.createdAt, webhookDeliveries.id)
        .limit(200),
  } as const;
  /** The version of the row the sibling key names, in any organization: a foreign id with its true version is the realistic attack. */
  const versionOf = async (
    table: typeof teams | typeof cycles | typeof objectives | typeof keyResults,
    id: unknown,
  ): Promise<number> => {
    if (typeof id !== "string" || !UUID_SHAPE.test(id)) return 1;
    const [row] = await db.select({ version: table.version }).from(table).where(eq(table.id, id));
    return row?.version ?? 1;
  };
  /** The same for the scorecard's and reviews' tables, by name. */
  const versionIn = async (
    table:
      | "perspectives"
      | "strategic_objectives"
      | "kpis"
      | "reviews"
      | "corrective_actions"
      | "campaigns"
      | "webhook_endpoints",
    id: unknown,
  ): Promise<number> => {
    if (typeof id !== "string" || !UUID_SHAPE.test(id)) return 1;
    const [row] = rows<{ version: number }>(
      await db.execute(sql`select version from ${sql.identifier(table)} where id = ${id}`),
    );
    return row?.version ?? 1;
  };
  const uuidOf = (value: unknown) => (typeof value === "string" && UUID_SHAPE.test(value) ? value : null);
  return {
    async live(kind, pick) {
      const rows = await pools[kind]();
      return rows[pick % Math.max(rows.length, 1)]?.id ?? NOTHING_LEFT;
    },
    async current(kind, sibling, pick) {
      switch (kind) {
        case "password":
          return throwaways.get(principal)?.password;
        case "profileVersion": {
          const [row] = await db
            .select({ version: users.version })
            .from(users)
            .where(eq(users.email, throwaways.get(principal)?.email ?? ""));
          return row?.version ?? 1;
        }
        case "organizationVersion": {
          const [row] = await db
            .select({ version: organizations.version })
            .from(organizations)
            .where(eq(organizations.id, org()));
          return row?.version ?? 1;
        }
        case "teamVersion":
          return versionOf(teams, sibling.teamId);
        case "cycleVersion":
          return versionOf(cycles, sibling.cycleId);
        case "objectiveVersion":
          return versionOf(objectives, sibling.objectiveId);
        case "keyResultVersion":
          return versionOf(keyResults, sibling.keyResultId);
        case "keyResultsOfObjective": {
          const id = sibling.objectiveId;
          if (typeof id !== "string" || !UUID_SHAPE.test(id)) return [];
          const rows = await db
            .select({ id: keyResults.id })
            .from(keyResults)
            .where(eq(keyResults.objectiveId, id))
            .orderBy(keyResults.id)
            .limit(10);
          return rows.map((r) => r.id);
        }
        case "perspectiveVersion":
          return versionIn("perspectives", sibling.perspectiveId);
        case "strategicObjectiveVersion":
          return versionIn("strategic_objectives", sibling.strategicObjectiveId);
        case "kpiVersion":
          return versionIn("kpis", sibling.kpiId);
        case "reviewVersion":
          return versionIn("reviews", sibling.reviewId);
        case "actionVersion":
          return versionIn("corrective_actions", sibling.actionId);
        case "campaignVersion":
          return versionIn("campaigns", sibling.campaignId);
        case "webhookVersion":
          return versionIn("webhook_endpoints", sibling.endpointId);
        case "perspectiveOrder": {
          const ids = (await pools.perspective()).map((r) => r.id);
          // A quarter of the picks keep the order as it is: a reorder that changes nothing.
          return pick % 4 === 0 ? ids : shuffled(ids, pick);
        }
        case "reviewSubjectId": {
          const reviewId = uuidOf(sibling.reviewId);
          const [review] = reviewId
            ? await db.select({ snapshot: reviews.snapshot }).from(reviews).where(eq(reviews.id, reviewId))
            : [];
          if (!review) return NOTHING_LEFT;
          const subjects = reviewRows(review.snapshot as unknown as ReviewSnapshot).filter(
            (r) => r.subjectType === sibling.subjectType,
          );
          return subjects[pick % Math.max(subjects.length, 1)]?.id ?? NOTHING_LEFT;
        }
        case "reviewCommentVersion": {
          const reviewId = uuidOf(sibling.reviewId);
          const subjectId = uuidOf(sibling.subjectId);
          const subjectType = REVIEW_SUBJECT_TYPES.find((t) => t === sibling.subjectType);
          if (!reviewId || !subjectId || !subjectType) return undefined;
          const [row] = await db
            .select({ version: reviewComments.version })
            .from(reviewComments)
            .where(
              and(
                eq(reviewComments.reviewId, reviewId),
                eq(reviewComments.subjectType, subjectType),
                eq(reviewComments.subjectId, subjectId),
              ),
            );
          return row?.version;
        }
        case "kpiTargetPeriod": {
          const kpiId = uuidOf(sibling.kpiId);
          const periods = kpiId
            ? await db
                .select({ periodStart: kpiTargets.periodStart })
                .from(kpiTargets)
                .where(eq(kpiTargets.kpiId, kpiId))
                .orderBy(kpiTargets.periodStart)
            : [];
          return periods[pick % Math.max(periods.length, 1)]?.periodStart ?? "2026-07-01";
        }
      }
    },
  };
}

/** The ids in an order fixed by `seed` (a small LCG drives Fisher–Yates). */
function shuffled(ids: readonly string[], seed: number): string[] {
  const out = [...ids];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = (state >>> 16) % (i + 1);
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out;
}

/** Role, activity, session and password state of the fuzzing callers, as one comparable string. */
async function guardedAccess(): Promise<string> {
  const ids = [fixtures.adminId, fixtures.viewerId];
  const rows = await handle.db
    .select({
      id: users.id,
      active: users.isActive,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      passwordHash: users.passwordHash,
      role: memberships.role,
      deactivatedAt: memberships.deactivatedAt,
    })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organizationId, fixtures.orgId)))
    .where(inArray(users.id, ids))
    .orderBy(users.id);
  return safeJson(rows);
}

// ── one call, all properties ─────────────────────────────────────────────

function callPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  if (typeof target !== "function") throw new Error(`No procedure at ${path}`);
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** The procedure's own input schema, or null for a procedure that takes no input. */
function inputSchemaOf(path: string): ZodType | null {
  const inputs = procedures[path]?._def.inputs ?? [];
  if (inputs.length > 1) throw new Error(`${path}: more than one input parser; teach the fuzzer to merge them`);
  const [parser] = inputs;
  if (!parser) return null;
  if (typeof (parser as Partial<ZodType>).safeParse !== "function") throw new Error(`${path}: not a zod schema`);
  return parser as ZodType;
}

/** The second organization's strings found in `output` that the caller did not send itself. */
function leaksIn(output: unknown, input: unknown): string[] {
  const haystack = safeJson(output).toLowerCase();
  const sent = safeJson(input).toLowerCase();
  return needles.filter((n) => n && haystack.includes(n.toLowerCase()) && !sent.includes(n.toLowerCase()));
}

/** The innermost cause's message: for a failed query, what Postgres said. */
function rootCause(error: unknown): string {
  let at: unknown = error;
  while (at instanceof Error && at.cause instanceof Error) at = at.cause;
  const top = error instanceof Error ? (error.message.split("\n")[0] ?? "").slice(0, 160) : "";
  return `${at instanceof Error ? at.message : String(at)} (${top})`;
}

function omit(snapshot: FuzzSnapshot | null, tables: readonly FuzzTable[]) {
  if (!snapshot) return snapshot;
  const kept: Partial<FuzzSnapshot> = { ...snapshot };
  for (const table of tables) delete kept[table];
  return kept;
}

async function exercise(path: string, entry: Entry, principal: Principal, input: unknown): Promise<string> {
  const throwaway = entry.throwawayCaller ? throwaways.get(principal) : undefined;
  const caller = throwaway?.caller ?? callers.get(principal);
  if (!caller) throw new Error(`no caller for ${principal}`);
  const schema = inputSchemaOf(path);
  const rejectedBySchema = schema !== null && !schema.safeParse(input).success;
  const forbidden = principal === "viewer" && entry.viewer === "FORBIDDEN";
  const about = `${path} as ${principal} with ${safeJson(input).slice(0, 500)}`;

  let result: unknown;
  let error: unknown;
  let threw = false;
  try {
    result = await callPath(caller, path, input);
  } catch (e) {
    threw = true;
    error = e;
  }

  if (!threw) {
    expect(forbidden, `${about}: a viewer call that should be FORBIDDEN succeeded`).toBe(false);
    expect(rejectedBySchema, `${about}: input the schema rejects was accepted`).toBe(false);
    expect(leaksIn(result, input), `${about}: the result shows the second organization`).toEqual([]);
    if (throwaway && typeof input === "object" && input !== null) {
      // The password changed (or the sessions were signed out) and the person's session ended: sign in again.
      if (path === "account.changePassword")
        throwaway.password = String((input as { newPassword?: unknown }).newPassword);
      throwaway.caller = await callerFor(handle.db, throwaway.email);
    }
    lastSnapshot = await fuzzSnapshot(handle.db);
    if (procedures[path]?._def.type === "mutation") {
      // Only what this call broke: one failure does not cascade into every later mutation.
      const violations = await fuzzInvariantViolations(handle.db);
      const added = violations.filter((v) => !brokenBefore.has(v));
      brokenBefore = new Set(violations);
      expect(added, `${about}: succeeded and broke the data`).toEqual([]);
      const access = await guardedAccess();
      const hadAccess = guarded;
      guarded = access;
      expect(access, `${about}: took the fuzzing caller's own access away`).toBe(hadAccess);
    }
    return "ok";
  }

  if (!(error instanceof TRPCError)) throw error;
  const before = lastSnapshot;
  // Kept current even when an assertion below fails, so one failure does not cascade into the next tests.
  lastSnapshot = await fuzzSnapshot(handle.db);
  const wrote = !isDeepStrictEqual(lastSnapshot, before);
  expect(
    error.code,
    `${about}: internal error: ${rootCause(error)}${wrote ? " — and it wrote to the database" : ""}`,
  ).not.toBe("INTERNAL_SERVER_ERROR");
  const { shape } = clientErrorOf(error, path);
  expect(shape.message.trim(), `${about}: ${error.code} without a message`).not.toBe("");
  if (forbidden) expect(error.code, `${about}: expected FORBIDDEN`).toBe("FORBIDDEN");
  else if (rejectedBySchema) expect(error.code, `${about}: schema rejects the input`).toBe("BAD_REQUEST");
  expect(leaksIn(shape, input), `${about}: the error shows the second organization`).toEqual([]);
  // A wrong current password is counted by the sign-in throttle, on purpose; nothing else may change.
  const counted = path === "account.changePassword" ? (["login_throttle"] as const) : [];
  expect(omit(lastSnapshot, counted), `${about}: ${error.code} but something was written`).toEqual(
    omit(before, counted),
  );
  return error.code;
}

// ── statistics, printed at the end ───────────────────────────────────────

type Column = `${Principal} ${Kind}`;
interface StatsRow {
  runs: Partial<Record<Column, number>>;
  outcomes: Map<string, number>;
}
const stats = new Map<string, StatsRow>();

function record(path: string, column: Column, outcome: string) {
  const row: StatsRow = stats.get(path) ?? { runs: {}, outcomes: new Map() };
  stats.set(path, row);
  row.runs[column] = (row.runs[column] ?? 0) + 1;
  row.outcomes.set(outcome, (row.outcomes.get(outcome) ?? 0) + 1);
}

function printStats() {
  const columns: Column[] = ["admin garbage", "admin valid", "viewer garbage", "viewer valid"];
  const lines = [
    `fuzz seed ${SEED}, scale ${SCALE}: calls per procedure`,
    `${"procedure".padEnd(30)}${columns.map((c) => c.padStart(15)).join("")}  outcomes`,
  ];
  let total = 0;
  for (const path of Object.keys(FUZZ)) {
    const row = stats.get(path);
    if (!row) continue;
    const counts = columns.map((c) => row.runs[c] ?? 0);
    total += counts.reduce((a, b) => a + b, 0);
    const outcomes = [...row.outcomes.entries()].map(([o, n]) => `${o} ${n}`).join(", ");
    lines.push(`${path.padEnd(30)}${counts.map((n) => String(n).padStart(15)).join("")}  ${outcomes}`);
  }
  lines.push(`total calls: ${total}`);
  console.info(lines.join("\n"));
}

// ── the tests ────────────────────────────────────────────────────────────

function seedFor(label: string): number {
  let h = SEED | 0;
  for (let i = 0; i < label.length; i++) h = (Math.imul(h, 31) + label.charCodeAt(i)) | 0;
  return h;
}

describe("fuzzing every procedure", () => {
  it("has an entry for every procedure of the router, and none for procedures that no longer exist", () => {
    const table = Object.keys(FUZZ);
    expect(
      routerPaths.filter((p) => !table.includes(p)),
      "procedures without a fuzz entry",
    ).toEqual([]);
    expect(
      table.filter((p) => !routerPaths.includes(p)),
      "entries for unknown procedures",
    ).toEqual([]);
  });

  // In the order of the table (reads first, destructive procedures last); the test above keeps it complete.
  describe.each(Object.keys(FUZZ))("%s", (path) => {
    for (const principal of PRINCIPALS) {
      for (const kind of ["garbage", "valid"] as const) {
        it(`${kind} input as ${principal}`, { timeout: 120_000 }, async () => {
          const build = (FUZZ as Record<string, ((f: Fixtures) => Entry) | undefined>)[path];
          if (!build) throw new Error(`No fuzz entry for "${path}": add one to FUZZ.`);
          const entry = build(fixtures);
          const turnedAway = principal === "viewer" && entry.viewer === "FORBIDDEN";
          const runs = turnedAway ? VIEWER_FORBIDDEN_RUNS[kind] : (entry.runs?.[kind] ?? DEFAULT_RUNS[kind]);
          const numRuns = Math.max(1, Math.round(runs * SCALE));
          const arbitrary = kind === "valid" ? entry.valid : garbageFor(entry.valid);
          const resolvers = resolversFor(principal);
          await fc.assert(
            fc.asyncProperty(arbitrary, async (generated) => {
              const input = await resolveMarkers(generated, resolvers);
              record(path, `${principal} ${kind}`, await exercise(path, entry, principal, input));
            }),
            { numRuns, seed: seedFor(`${path} ${principal} ${kind}`) },
          );
        });
      }
    }
  });

  it("still reads the scorecard, every KPI and every review after all the fuzzer wrote", async () => {
    const db = handle.db;
    const [kpiRows, reviewRows_] = await Promise.all([
      db.select({ id: kpis.id }).from(kpis).where(eq(kpis.organizationId, fixtures.orgId)).orderBy(kpis.id),
      db.select({ id: reviews.id }).from(reviews).where(eq(reviews.organizationId, fixtures.orgId)).orderBy(reviews.id),
    ]);
    const reads: [string, unknown][] = [
      ["scorecard.tree", undefined],
      ["scorecard.kpis", { strategicObjectiveId: null }],
      ["scorecard.heatMap", undefined],
      ["strategy.map", undefined],
      ["kpis.list", undefined],
      ["perspectives.list", undefined],
      ["reviews.list", undefined],
      ["correctiveActions.listOpen", undefined],
      ...kpiRows.map((k): [string, unknown] => ["kpis.get", { kpiId: k.id }]),
      ...reviewRows_.flatMap((r): [string, unknown][] => [
        ["reviews.get", { reviewId: r.id }],
        ["reviews.compare", { reviewId: r.id }],
      ]),
    ];
    for (const [path, input] of reads) {
      const build = (FUZZ as Record<string, (f: Fixtures) => Entry>)[path];
      if (!build) throw new Error(`No fuzz entry for "${path}"`);
      const principals: Principal[] = path === "kpis.get" ? ["admin"] : [...PRINCIPALS];
      for (const principal of principals) {
        const outcome = await exercise(path, build(fixtures), principal, input);
        record(path, `${principal} valid`, outcome);
        // Viewers are refused open reviews; everything else must answer.
        if (!(principal === "viewer" && path.startsWith("reviews.") && outcome === "NOT_FOUND")) {
          expect(outcome, `${path} as ${principal} with ${safeJson(input)}`).toBe("ok");
        }
      }
    }
  });

  it("left every row of the second organization as it was", async () => {
    expect(await fuzzSnapshot(handle.db, fixtures.other.orgId)).toEqual(otherOrgBefore);
  });
});

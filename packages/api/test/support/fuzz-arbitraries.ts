import fc from "fast-check";

/*
 * Arbitraries for fuzzing the API: valid-looking building blocks (ids, names,
 * numbers, dates) and garbage of every kind, plus "markers" that a valid input
 * may carry where the right value is only known when the call is made (the
 * current version of a record, a password that changed a run ago).
 */

// ── markers, resolved just before the call ────────────────────────────────

/** A live reference: one of the acting organization's rows as they are at call time (created ones included). */
export type LiveKind =
  | "team"
  | "objective"
  | "draftObjective"
  | "keyResult"
  | "gradableKeyResult"
  | "cycle"
  | "checkIn"
  | "perspective"
  | "strategicObjective"
  | "strategyLink"
  | "kpi"
  /** A live KPI whose values are entered (not computed, not archived): the only kind that takes actuals. */
  | "enteredKpi"
  /** A KPI with at least one quarter's target override. */
  | "targetedKpi"
  | "benchmark"
  | "apiToken"
  | "review"
  | "openReview"
  | "correctiveAction"
  | "webhookEndpoint"
  | "webhookDelivery";
/** A value read from the database (or the test's state) at call time, for the record named by sibling keys. */
export type CurrentKind =
  | "campaignVersion"
  | "teamVersion"
  | "objectiveVersion"
  | "keyResultVersion"
  | "cycleVersion"
  | "organizationVersion"
  | "keyResultsOfObjective"
  | "password"
  /** The throwaway caller's own profile version. */
  | "profileVersion"
  | "perspectiveVersion"
  | "strategicObjectiveVersion"
  | "kpiVersion"
  | "reviewVersion"
  | "actionVersion"
  | "webhookVersion"
  /** The version of the commentary on the sibling review's subject, when there is one. */
  | "reviewCommentVersion"
  /** Every perspective of the organization, shuffled by the marker's pick: a valid new order. */
  | "perspectiveOrder"
  /** A subject of the sibling review's snapshot, of the sibling subject type, chosen by the pick. */
  | "reviewSubjectId"
  /** A quarter the sibling KPI has a target override for, chosen by the pick. */
  | "kpiTargetPeriod";

/** Versions resolved for the record named by a sibling key. */
export type VersionKind =
  | "teamVersion"
  | "objectiveVersion"
  | "keyResultVersion"
  | "cycleVersion"
  | "organizationVersion"
  | "perspectiveVersion"
  | "strategicObjectiveVersion"
  | "kpiVersion"
  | "reviewVersion"
  | "actionVersion"
  | "campaignVersion"
  | "webhookVersion";

export type Marker =
  | { $live: LiveKind; pick: number }
  | { $current: CurrentKind; pick?: number }
  | { $same: string; spelling?: "upper" };

export const live = (kind: LiveKind) => fc.nat().map((pick): Marker => ({ $live: kind, pick }));
export const current = (kind: CurrentKind): Marker => ({ $current: kind });
/** A current value that needs a choice among several (an order, a subject): the pick makes it. */
export const currentPick = (kind: CurrentKind) => fc.nat().map((pick): Marker => ({ $current: kind, pick }));
/**
 * The value of the sibling key `key` (after resolution): a confirmation
 * field, or — spelled in upper case — the same id written differently.
 */
export const same = (key: string, spelling?: "upper"): Marker => (spelling ? { $same: key, spelling } : { $same: key });

export interface MarkerResolvers {
  live(kind: LiveKind, pick: number): Promise<unknown>;
  /** `sibling` is the object holding the marker, its other keys already resolved. */
  current(kind: CurrentKind, sibling: Record<string, unknown>, pick: number): Promise<unknown>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function markerOf(value: unknown): Marker | null {
  if (!isPlainObject(value)) return null;
  const keys = Object.keys(value);
  if (keys.length === 2 && typeof value.$live === "string" && typeof value.pick === "number") return value as Marker;
  if (typeof value.$current === "string") {
    if (keys.length === 1 || (keys.length === 2 && typeof value.pick === "number")) return value as Marker;
  }
  if (typeof value.$same === "string" && keys.every((k) => k === "$same" || k === "spelling")) return value as Marker;
  return null;
}

/**
 * A copy of `input` with every marker replaced by its value. Plain objects and
 * arrays are walked; anything else (garbage included) is passed through as is.
 */
export async function resolveMarkers(input: unknown, resolvers: MarkerResolvers): Promise<unknown> {
  const marker = markerOf(input);
  if (marker && "$live" in marker) return resolvers.live(marker.$live, marker.pick);
  if (Array.isArray(input)) {
    const out: unknown[] = [];
    for (const item of input) out.push(await resolveMarkers(item, resolvers));
    return out;
  }
  if (!isPlainObject(input)) return input;
  const out: Record<string, unknown> = Object.getPrototypeOf(input) === null ? Object.create(null) : {};
  const late: [string, Marker][] = [];
  for (const key of Object.keys(input)) {
    const value = input[key];
    const m = markerOf(value);
    if (m && !("$live" in m)) late.push([key, m]);
    else defineOwn(out, key, await resolveMarkers(value, resolvers));
  }
  for (const [key, m] of late) {
    if ("$same" in m) {
      const value = out[m.$same];
      defineOwn(out, key, m.spelling === "upper" && typeof value === "string" ? value.toUpperCase() : value);
    } else if ("$current" in m) defineOwn(out, key, await resolvers.current(m.$current, out, m.pick ?? 0));
  }
  return out;
}

/** Sets an own property even for "__proto__", the way JSON.parse would. */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// ── valid building blocks ─────────────────────────────────────────────────

/** Mostly ids that exist here, sometimes another organization's, sometimes unknown or the nil uuid. */
export function idFrom(real: readonly string[], foreign: readonly string[] = []): fc.Arbitrary<string> {
  const choices: fc.WeightedArbitrary<string>[] = [
    { weight: 3, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constant("00000000-0000-0000-0000-000000000000") },
    // Upper case is a valid spelling of the same uuid.
    { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
  ];
  if (real.length) {
    choices.push({ weight: 12, arbitrary: fc.constantFrom(...real) });
    choices.push({ weight: 1, arbitrary: fc.constantFrom(...real).map((u) => u.toUpperCase()) });
  }
  if (foreign.length) choices.push({ weight: 3, arbitrary: fc.constantFrom(...foreign) });
  return fc.oneof(...choices);
}

/**
 * Text a person could type, and some they could not: ASCII, any Unicode,
 * control characters (NUL included), surrounding blanks, SQL-ish and
 * markup-ish content. `max` is the length the schema allows.
 */
export function text(max: number, { min = 1 }: { min?: number } = {}): fc.Arbitrary<string> {
  const maxLength = Math.min(max, 200);
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ minLength: min, maxLength }) },
    { weight: 2, arbitrary: fc.string({ minLength: min, maxLength, unit: "grapheme" }) },
    { weight: 2, arbitrary: fc.string({ minLength: min, maxLength, unit: "binary" }) },
    { weight: 2, arbitrary: fc.string({ minLength: min, maxLength, unit: "binary-ascii" }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: 20 }).map((s) => `  ${s}\t\n`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "Growth",
        "Team ä ö ü 漢字 😀",
        "'; drop table teams; --",
        '<script>alert("x")</script>',
        "Robert'); --",
        "%s %n %x",
        "\u202Eevil",
        "a\u0000b",
        "\uFEFFbom",
        "x".repeat(max),
        "é".repeat(max),
      ),
    },
  );
}

/** Any finite double, with the awkward ones (±0, the tiny and the huge) likely. */
export const finiteNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -0, 1, 0.5, 100, -1, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON),
);

/** A record version: the current one (resolved at call time) or any positive safe integer. */
export function version(kind: VersionKind): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(current(kind)) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 20 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) },
  );
}

/** Calendar days over the whole range "YYYY-MM-DD" can spell, the edges likely. */
export const calendarDay = fc.oneof(
  fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }),
  fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }),
  fc.constantFrom(
    new Date("0000-01-01T00:00:00Z"),
    new Date("0001-01-01T00:00:00Z"),
    new Date("1970-01-01T00:00:00Z"),
    new Date("9999-12-31T00:00:00Z"),
    new Date("2024-02-29T00:00:00Z"),
  ),
);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
/** A day "YYYY-MM-DD" as the schemas accept it. */
export const isoDay = calendarDay.map(dayOf);

/** A period: a start day and an end day on or after it (mostly), as "YYYY-MM-DD". */
export const isoPeriod = fc
  .tuple(calendarDay, fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: -30, max: 4000 })))
  .map(([start, days]) => {
    const end = new Date(Math.min(start.getTime() + days * 86_400_000, Date.parse("9999-12-31T00:00:00Z")));
    return { startsOn: dayOf(start), endsOn: dayOf(end) };
  });

// ── garbage ───────────────────────────────────────────────────────────────

/** A uuid that is almost one. */
export const malformedUuid = fc
  .tuple(
    fc.uuid(),
    fc.constantFrom(
      (u: string) => u.slice(1),
      (u: string) => `${u}0`,
      (u: string) => `g${u.slice(1)}`,
      (u: string) => u.replaceAll("-", ""),
      (u: string) => `{${u}}`,
      (u: string) => ` ${u} `,
      (u: string) => `${u.slice(0, 14)}0${u.slice(15)}`,
      (u: string) => `${u.slice(0, 19)}0${u.slice(20)}`,
      (u: string) => `${u}' or '1'='1`,
      (u: string) => `urn:uuid:${u}`,
      () => "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
    ),
  )
  .map(([u, f]) => f(u));

/** Strings past every length limit, made of one repeated piece. */
export const hugeString = fc
  .tuple(fc.integer({ min: 121, max: 200_000 }), fc.constantFrom("a", "é", "\u0000", "😀", " ", "ab-", "0"))
  .map(([n, piece]) => piece.repeat(Math.ceil(n / piece.length)));

/** One value of the wrong kind, or of the right kind out of range. */
export const garbageScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    -1,
    1.5,
    2 ** 31,
    -(2 ** 31) - 1,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    "",
    " ",
    "\u0000",
    "null",
    "NaN",
    "1",
    "true",
    "admin",
    "lead",
    true,
    false,
    null,
    undefined,
    "00000000-0000-0000-0000-000000000000",
    "__proto__",
    "constructor",
    "' or 1=1 --",
    "0000-00-00",
    "2026-02-30",
    "+010000-01-01",
  ),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.string({ unit: "binary", maxLength: 40 }),
  hugeString,
  malformedUuid,
  fc.date({ noInvalidDate: false }),
  fc.constant(Symbol("fuzz")),
  fc.constant(() => "fn"),
  fc.constant([]),
  fc.constant({}),
);

/** Anything at all, exotic containers included. */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: "binary",
});

type Mutation = (value: Record<string, unknown>, keyIndex: number, replacement: unknown) => unknown;

const MUTATIONS: Record<string, Mutation> = {
  replaceKey: (v, i, r) => {
    const keys = Object.keys(v);
    if (!keys.length) return r;
    return { ...v, [keys[i % keys.length] as string]: r };
  },
  dropKey: (v, i) => {
    const keys = Object.keys(v);
    const drop = keys[i % Math.max(keys.length, 1)];
    return Object.fromEntries(Object.entries(v).filter(([k]) => k !== drop));
  },
  extraKey: (v, i, r) => ({
    ...v,
    [["organizationId", "id", "role", "isAdmin", "userId", "$where"][i % 6] as string]: r,
  }),
  protoKey: (v, _i, r) => {
    const rest = JSON.stringify(v).slice(1);
    const pollution = JSON.stringify({ polluted: safeJson(r), role: "admin", organizationId: null });
    return JSON.parse(`{"__proto__": ${pollution}${rest === "}" ? "" : ","} ${rest}`);
  },
  nestKey: (v, i) => {
    const keys = Object.keys(v);
    if (!keys.length) return { value: v };
    const key = keys[i % keys.length] as string;
    return { ...v, [key]: { value: v[key] } };
  },
  wrapInArray: (v) => [v],
  asJsonString: (v) => JSON.stringify(v),
  nullPrototype: (v) => Object.assign(Object.create(null), v),
};

/**
 * Near misses: a valid input with one key replaced by garbage, removed,
 * nested, or the whole input wrapped, stringified or given extra keys.
 * Inputs that are not objects are replaced by garbage outright.
 */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(), fc.oneof(garbageScalar, anyValue))
    .map(([value, name, keyIndex, replacement]) => {
      if (!isPlainObject(value)) return replacement;
      const mutation = MUTATIONS[name];
      return mutation ? mutation(value, keyIndex, replacement) : replacement;
    });
}

/** What fuzzing throws at one procedure: pure garbage, and near misses of its valid inputs. */
export function garbageFor(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: anyValue },
    { weight: 2, arbitrary: garbageScalar },
    { weight: 5, arbitrary: mutated(valid) },
  );
}

/** JSON that survives BigInt, symbols, functions and cycles: for leak searches and messages. */
export function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === "bigint") return `${v}n`;
        if (typeof v === "symbol" || typeof v === "function") return String(v);
        if (v instanceof Map) return { map: [...v.entries()] };
        if (v instanceof Set) return { set: [...v.values()] };
        if (v && typeof v === "object") {
          if (seen.has(v)) return "[cycle]";
          seen.add(v);
        }
        return v;
      }) ?? String(value)
    );
  } catch (error) {
    return `[unserializable: ${String(error)}]`;
  }
}

// ── scorecard building blocks ─────────────────────────────────────────────

/** A KPI number (actual, goal, benchmark): mostly within the ±10^15 the schemas allow, sometimes just past it. */
export const kpiNumber = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: -1e15, max: 1e15, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e15, -1e15, 1e15 + 2, Number.MIN_VALUE, 0.1 + 0.2, 1e300) },
);

/**
 * A day that starts a reporting period more often than chance would: a
 * quarter's or month's first day, a Monday (weeks start on Mondays), or any day.
 */
export const periodStartDay = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: 2000, max: 2035 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}-01`),
  },
  {
    weight: 2,
    // 2024-01-01 was a Monday.
    arbitrary: fc
      .integer({ min: -1500, max: 1500 })
      .map((w) => new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom("1900-01-01", "2999-10-01", "2999-12-31", "1899-12-01", "3000-01-01", "2026-02-29"),
  },
  { weight: 2, arbitrary: isoDay },
);

/*
 * Whether the bare server answers what the API does: both answers reduced to
 * plain comparable JSON (instants as epoch milliseconds, figures to 9
 * significant digits, `expected` to 4 as the two read the clock a moment
 * apart), then compared in the order each answered (check-ins by key result
 * and `seq`, which cannot tie); the first difference is named.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

function normalize(value: unknown, key = ""): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number(value.toPrecision(key === "expected" ? 4 : 9)) + 0;
  if (typeof value === "string") return INSTANT.test(value) ? Date.parse(value) : value;
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) {
    return value.map((v) => normalize(v));
  }
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  }
  return String(value);
}

function firstDifference(api: Json, bare: Json, at: string): string | null {
  if (JSON.stringify(api) === JSON.stringify(bare)) return null;
  if (Array.isArray(api) && Array.isArray(bare)) {
    if (api.length !== bare.length)
      return `${at}: ${api.length} items from the API, ${bare.length} from the bare server`;
    for (let i = 0; i < api.length; i++) {
      const d = firstDifference(api[i] ?? null, bare[i] ?? null, `${at}[${i}]`);
      if (d) return d;
    }
  } else if (api && bare && typeof api === "object" && typeof bare === "object" && !Array.isArray(api)) {
    const b = bare as { [key: string]: Json };
    for (const key of new Set([...Object.keys(api), ...Object.keys(b)])) {
      if (!(key in api) || !(key in b)) return `${at}.${key}: only in the ${key in api ? "API's" : "bare"} answer`;
      const d = firstDifference(api[key] ?? null, b[key] ?? null, `${at}.${key}`);
      if (d) return d;
    }
  }
  const show = (x: Json) => JSON.stringify(x)?.slice(0, 160);
  return `${at}: ${show(api)} (API) ≠ ${show(bare)} (bare)`;
}

/** Null when the two answers agree, else where they first differ. */
export function answersDiffer(api: unknown, bare: unknown): string | null {
  return firstDifference(normalize(api), normalize(bare), "answer");
}

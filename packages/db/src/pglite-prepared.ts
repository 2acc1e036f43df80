import type { PGlite } from "@electric-sql/pglite";

/** Statements prepared per PGlite instance at most; past it, new texts run unprepared. */
export const PGLITE_PREPARED_MAX = 500;
/** A text is prepared the second time it is sent: a one-off (a migration, an ad-hoc read) never is. */
const PREPARE_ON_SIGHTING = 2;
/** Texts counted before the counts start over (the prepared ones stay). */
const SIGHTINGS_KEPT = 5_000;

const PREPARABLE = /^\s*(select|with|insert|update|delete)\b/i;

type Query = PGlite["query"];
type Param = string | number | bigint | boolean | null | undefined;

/**
 * PGlite takes every query as an unnamed statement and plans it afresh each time; for our larger
 * reads planning costs as much as running them (ADR 0032). The server path prepares each shape once
 * per connection (postgres.js); this gives PGlite's one connection the same: the second time a text
 * is sent it is PREPAREd, and from then on it runs as EXECUTE, so Postgres keeps its plan and, after
 * a few runs, a generic one.
 *
 * EXECUTE takes no bind parameters, so the values go in as quoted literals: only strings, numbers,
 * booleans and nulls, quoted the one way a literal can be ('' for a quote; standard_conforming_strings
 * keeps backslashes plain). A literal is untyped, so it is read by the parameter's own input function,
 * as PGlite's text-format parameters are. Any other value, or a text that cannot be prepared, runs
 * as before. Queries inside a transaction go through PGlite's transaction object and are untouched.
 */
export function preparingStatementsOnPglite(client: PGlite): PGlite {
  if (process.env.DATABASE_PREPARE === "false") return client;
  const send: Query = client.query.bind(client);
  const sightings = new Map<string, number>();
  const prepared = new Map<string, string>();
  const unpreparable = new Set<string>();

  async function prepare(text: string): Promise<string | null> {
    const name = `meridian_${prepared.size + 1}`;
    try {
      await send(`prepare ${name} as ${text}`);
    } catch {
      // A text whose parameter types cannot be inferred alone, or sent in an aborted transaction.
      unpreparable.add(text);
      return null;
    }
    prepared.set(text, name);
    return name;
  }

  const query = (async (text: string, params?: unknown[], options?: Parameters<Query>[2]) => {
    const values = (params ?? []) as Param[];
    if (unpreparable.has(text) || !PREPARABLE.test(text) || !values.every(isLiteral)) {
      return send(text, params, options);
    }
    let name = prepared.get(text);
    if (!name) {
      const seen = (sightings.get(text) ?? 0) + 1;
      if (sightings.size >= SIGHTINGS_KEPT) sightings.clear();
      sightings.set(text, seen);
      if (seen < PREPARE_ON_SIGHTING || prepared.size >= PGLITE_PREPARED_MAX) return send(text, params, options);
      name = (await prepare(text)) ?? undefined;
      if (!name) return send(text, params, options);
      sightings.delete(text);
    }
    const args = values.length ? `(${values.map(literal).join(", ")})` : "";
    return send(`execute ${name}${args}`, [], options);
  }) as Query;

  client.query = query;
  return client;
}

function isLiteral(value: unknown): value is Param {
  const type = typeof value;
  if (type === "number") return Number.isFinite(value);
  return value === null || value === undefined || type === "string" || type === "bigint" || type === "boolean";
}

/** A value as an untyped SQL literal. A NUL cannot be in a Postgres string: the statement fails as it would bound. */
export function literal(value: Param): string {
  if (value === null || value === undefined) return "null";
  return `'${String(value).replaceAll("'", "''")}'`;
}

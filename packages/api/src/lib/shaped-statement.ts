import { AsyncLocalStorage } from "node:async_hooks";
import { type Database, rows, type SQL, sql } from "@meridian/db";

/** A statement as Drizzle renders it: text and parameters, placeholders among them. */
interface RenderedQuery {
  sql: string;
  params: unknown[];
}

/** The parts of Drizzle's database a rendered statement runs through (its own, so both drivers work). */
interface DrizzleInternals {
  dialect: { sqlToQuery(query: SQL): RenderedQuery };
  session: {
    prepareQuery(
      query: RenderedQuery,
      fields: undefined,
      name: undefined,
      isResponseInArrayMode: boolean,
    ): { execute(values: Record<string, unknown>): Promise<unknown> };
  };
}

const rendered = new Map<string, RenderedQuery>();

/**
 * Runs a statement whose text depends only on `shape` (its parts, the viewer's role, whether a
 * cursor is given…), rendered once per shape: every value that varies per request is a
 * `sql.placeholder`, filled from `values`. Rendering a large statement (the objective page: 11 KB
 * of SQL from nested column references) costs more than running it on a warm, prepared connection;
 * this pays it once per process.
 *
 * A per-request value written into the SQL instead of a placeholder would be served to the next
 * request of that shape: on first render, a string parameter equal to one of `values` is refused.
 */
export async function runShaped<T>(
  db: Database,
  shape: string,
  build: () => SQL,
  values: Record<string, string | number>,
): Promise<T[]> {
  const rider = riders.getStore();
  if (rider && !rider.claimed && rider.db === db) return runWithRider<T>(rider, db, shape, build, values);
  return runRendered<T>(db, shape, build, values);
}

async function runRendered<T>(
  db: Database,
  shape: string,
  build: () => SQL,
  values: Record<string, string | number>,
): Promise<T[]> {
  const internals = db as unknown as DrizzleInternals;
  let query = rendered.get(shape);
  if (!query) {
    query = internals.dialect.sqlToQuery(build());
    const varying = new Set(Object.values(values).filter((v) => typeof v === "string"));
    const baked = query.params.find((p) => typeof p === "string" && varying.has(p));
    if (baked !== undefined) throw new Error(`statement ${shape}: a per-request value is not a placeholder`);
    rendered.set(shape, query);
  }
  return rows<T>(await internals.session.prepareQuery(query, undefined, undefined, false).execute(values));
}

/**
 * A one-row statement that asks to travel with the next shaped statement run in its scope, so that
 * both cost one round trip (ADR 0031): the membership a read was started on, read again in the
 * read's own statement. Its placeholders must not share a name with any read's.
 */
export interface Rider {
  db: Database;
  shape: string;
  build: () => SQL;
  values: Record<string, string | number>;
  /** Set once a statement took it along. */
  claimed: boolean;
  /** Its row, once the statement that took it has answered; null for none, or when that statement found no rows. */
  row: Record<string, unknown> | null;
}

const riders = new AsyncLocalStorage<Rider>();

/** Runs `fn` with `rider` waiting for the first shaped statement on its database that `fn` runs. */
export function withRider<T>(rider: Rider, fn: () => T): T {
  return riders.run(rider, fn);
}

/**
 * The statement with the rider's row beside it: the rider as JSON on the first row only (an
 * uncorrelated subquery, evaluated once). The window keeps the statement's own order and
 * stops the planner from merging it into the wrapper: its plan is the one it has alone. A
 * statement that finds no rows brings no rider back (its row stays null), and the caller
 * reads it on its own, as for a membership that is gone: an empty answer costs one more round
 * trip, where a row of nulls for it cost a join and a sort of every answer's rows.
 */
async function runWithRider<T>(
  rider: Rider,
  db: Database,
  shape: string,
  build: () => SQL,
  values: Record<string, string | number>,
): Promise<T[]> {
  rider.claimed = true;
  const composite = () => sql`select case when row_number() over () = 1
        then (select row_to_json(__rider) from (${rider.build()}) __rider) end as "__rider", __q.*
      from (${build()}) __q`;
  const answer = await runRendered<Record<string, unknown>>(db, `${shape}\u0000${rider.shape}`, composite, {
    ...values,
    ...rider.values,
  });
  const first = answer[0]?.__rider;
  rider.row = first && typeof first === "object" ? (first as Record<string, unknown>) : null;
  return answer.map(({ __rider: _rider, ...row }) => row as T);
}

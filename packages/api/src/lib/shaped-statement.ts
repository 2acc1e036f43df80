import { type Database, rows, type SQL } from "@meridian/db";

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

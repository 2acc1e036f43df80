import type { Database } from "@meridian/db";

/** The part of PGlite's client pg-boss needs: parameterized queries and multi-statement scripts. */
interface PgliteClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<{ rows: unknown[] }[]>;
}

/**
 * pg-boss's `db` option over the process's own PGlite instance (ADR 0021): a
 * PGlite folder is opened by one process, and PGlite runs one statement at a
 * time, so the queue shares the app's connection instead of opening its own.
 * pg-boss sends its schema scripts (several statements, BEGIN…COMMIT under an
 * advisory lock) without parameters: those go through `exec`, which runs a
 * script the way the simple query protocol does; everything else is one
 * parameterized statement.
 */
export function pgliteBossAdapter(db: Database) {
  const client = (db as unknown as { $client: PgliteClient }).$client;
  return {
    async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
      if (!values || values.length === 0) {
        try {
          const results = await client.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        } catch (error) {
          // A script that failed inside its BEGIN would leave the one shared session in an aborted
          // transaction, and every statement of the app after it failing: end it here.
          await client.exec("rollback").catch(() => {});
          throw error;
        }
      }
      return client.query(text, values);
    },
  };
}

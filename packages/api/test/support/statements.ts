import type { Database } from "@meridian/db";

/**
 * The statements `call` sends to the database, counted where the driver receives them (postgres.js
 * `unsafe`, PGlite `query`): what "one statement per read" is checked against.
 */
export async function statementsOf<T>(db: Database, call: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const client = (db as unknown as { $client: Record<string, unknown> }).$client;
  const method = typeof client.unsafe === "function" ? "unsafe" : "query";
  const original = client[method] as (...args: unknown[]) => unknown;
  const sent: string[] = [];
  client[method] = function (this: unknown, text: string, ...rest: unknown[]) {
    sent.push(text);
    return original.call(this, text, ...rest);
  };
  try {
    return { result: await call(), sent };
  } finally {
    client[method] = original;
  }
}

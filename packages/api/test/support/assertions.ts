import { activityLog, checkIns, count, type Database, keyResults } from "@meridian/db";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { appRouter } from "../../src/root";

export type ErrorCode = TRPCError["code"];
export type Outcome = "allow" | ErrorCode;

/** "allow" when the call resolves, else the TRPCError code. Anything that is not a TRPCError is rethrown. */
export async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return "allow";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** The TRPCError the call fails with; fails the test if it resolves or throws anything else. */
export async function trpcErrorOf(call: () => Promise<unknown>): Promise<TRPCError> {
  let result: unknown;
  try {
    result = await call();
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error(`Expected a TRPCError, but the call resolved with ${JSON.stringify(result)}`);
}

/** What an HTTP client would receive for this error: the app's errorFormatter output and the status code. */
export function clientErrorOf(error: TRPCError, path: string) {
  const shape = getErrorShape({
    config: appRouter._def._config,
    error,
    type: "mutation",
    path,
    input: undefined,
    ctx: undefined,
  });
  return { shape, httpStatus: getHTTPStatusCodeFromError(error) };
}

/** Row counts and one key result's state: compare before and after to prove that nothing was written. */
export async function writeSnapshot(db: Database) {
  const [[checkInRows], [activityRows], krVersions] = await Promise.all([
    db.select({ n: count() }).from(checkIns),
    db.select({ n: count() }).from(activityLog),
    db
      .select({
        id: keyResults.id,
        currentValue: keyResults.currentValue,
        currentConfidence: keyResults.currentConfidence,
        version: keyResults.version,
      })
      .from(keyResults)
      .orderBy(keyResults.id),
  ]);
  return { checkIns: checkInRows?.n ?? 0, activity: activityRows?.n ?? 0, keyResults: krVersions };
}

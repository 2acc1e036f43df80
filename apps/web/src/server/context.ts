import "server-only";
import { type Context, createContext, DATABASE_UNAVAILABLE_MESSAGE } from "@meridian/api";
import { getDatabase, isDatabaseUnavailable } from "@meridian/api/server";
import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";
import { getSessionUser } from "./auth";

/** The organization a user with several memberships chose last. */
export const ORGANIZATION_COOKIE = "meridian-org";

export async function createRequestContext(): Promise<Context> {
  try {
    const [db, user, jar] = await Promise.all([getDatabase(), getSessionUser(), cookies()]);
    return createContext({ db, user, requestedOrganizationId: jar.get(ORGANIZATION_COOKIE)?.value ?? null });
  } catch (error) {
    // Reading the session needs the database too: unreachable, it is a 503 the client retries, not a 500.
    if (isDatabaseUnavailable(error)) {
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause: error });
    }
    throw error;
  }
}

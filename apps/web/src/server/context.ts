import "server-only";
import { type Context, createContext } from "@meridian/api";
import { getDatabase } from "@meridian/api/server";
import { cookies } from "next/headers";
import { getSessionUser } from "./auth";

/** The organization a user with several memberships chose last. */
export const ORGANIZATION_COOKIE = "meridian-org";

export async function createRequestContext(): Promise<Context> {
  const [db, user, jar] = await Promise.all([getDatabase(), getSessionUser(), cookies()]);
  return createContext({ db, user, requestedOrganizationId: jar.get(ORGANIZATION_COOKIE)?.value ?? null });
}

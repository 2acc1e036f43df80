import type { Role } from "@meridian/domain";

/*
 * The users admin table's input and cursor, shared by the page's server-side prefetch and the
 * browser, so the prefetched first page is the one the table asks for.
 */

export type StatusFilter = "" | "active" | "deactivated";

/** users.list's input for the table's search and filters (nothing set: the first page of everyone). */
export function userListInput({ q, role, status }: { q: string; role: Role | ""; status: StatusFilter }) {
  return {
    ...(q && { q }),
    ...(role && { role }),
    ...(status && { active: status === "active" }),
  };
}

/** The next page's cursor for useInfiniteQuery. */
export const nextUserPage = (page: { nextCursor: string | null }) => page.nextCursor;

import { and, type Database, eq, memberships, rows, sql } from "@meridian/db";
import type { ApiScope } from "@meridian/domain";
import { createApiToken } from "../../src/modules/integrations/api-tokens.commands";
import { userIdOf } from "./demo";

/**
 * A token made by anyone, not only an admin: through the same command the admin's form calls, with the
 * person's own role, so a test can check that a token never reads more than its creator may.
 */
export async function tokenMadeBy(
  db: Database,
  organizationId: string,
  email: string,
  scopes: ApiScope[],
): Promise<string> {
  const userId = await userIdOf(db, email);
  const [membership] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  if (!membership) throw new Error(`${email} is no member of the organization`);
  const created = await createApiToken(
    { db, org: { id: organizationId, role: membership.role }, user: { id: userId } },
    { name: `${email} ${scopes.join(" ")}`, scopes },
  );
  return created.token;
}

/** How many rows a table holds for the organization: counted before and after a refused write. */
export async function rowCount(db: Database, table: string, organizationId: string): Promise<number> {
  const [row] = rows<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)} where organization_id = ${organizationId}`,
    ),
  );
  return row?.n ?? 0;
}

/** Every page of a REST list, following `nextCursor`, for tests that check paging without overlap. */
export async function allPages<T>(
  next: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
  maxPages = 50,
): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const page = await next(cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor && pages.length < maxPages);
  return pages;
}

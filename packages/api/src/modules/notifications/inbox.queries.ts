import { and, desc, eq, isNull, notifications, rows as rowsOf, type SQL, sql, users } from "@meridian/db";
import type { notificationInboxInput } from "@meridian/domain";
import type { z } from "zod";
import type { OrgScope } from "../../lib/scope";
import { decodeCursor, encodeCursor } from "../admin/audit-cursor";

/** The most the unread count says exactly; the bell shows "99+" long before. */
export const UNREAD_COUNT_CAP = 1000;

/** The caller's own in-app notifications in this organization, newest first, a page at a time. */
export async function listInbox(scope: OrgScope, input: z.output<typeof notificationInboxInput>) {
  const filters: SQL[] = [
    eq(notifications.organizationId, scope.org.id),
    eq(notifications.userId, scope.user.id),
    eq(notifications.inApp, true),
  ];
  if (input.unreadOnly) filters.push(isNull(notifications.readAt));
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    // Compared in SQL at the database's full (microsecond) precision.
    filters.push(
      sql`(${notifications.createdAt}, ${notifications.id}::text) < (${cursor.createdAt}::timestamptz, ${cursor.id})`,
    );
  }
  const rows = await scope.db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actorName: users.name,
      position: sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(and(...filters))
    .orderBy(desc(notifications.createdAt), desc(sql`${notifications.id}::text`))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ position: _, ...item }) => item),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ createdAt: last.position, id: last.id }) : null,
  };
}

/**
 * How many of the caller's in-app notifications are unread: counted on the
 * partial index of unread rows (and capped), so polling it stays cheap.
 */
export async function unreadCount(scope: OrgScope): Promise<{ unread: number }> {
  const result = await scope.db.execute(sql`
    select count(*)::int as unread from (
      select 1 from ${notifications}
      where ${notifications.organizationId} = ${scope.org.id} and ${notifications.userId} = ${scope.user.id}
        and ${notifications.readAt} is null and ${notifications.inApp}
      limit ${UNREAD_COUNT_CAP}
    ) as unread_rows`);
  const [row] = rowsOf<{ unread: number }>(result);
  return { unread: Number(row?.unread ?? 0) };
}

import { activityLog, and, desc, eq, gte, lt, type SQL, sql, users } from "@meridian/db";
import type { ZAuditQuerySchema } from "@meridian/domain";
import type { z } from "zod";
import type { OrgScope } from "../../lib/scope";
import { decodeCursor, encodeCursor } from "./audit-cursor";

const DAY_MS = 86_400_000;

/** The activity log, newest first, filtered by who, what kind of thing, and when. */
export async function listAuditEntries(scope: OrgScope, input: z.output<typeof ZAuditQuerySchema>) {
  const filters: SQL[] = [eq(activityLog.organizationId, scope.org.id)];
  if (input.actorId) filters.push(eq(activityLog.actorId, input.actorId));
  if (input.entityType) filters.push(eq(activityLog.entityType, input.entityType));
  if (input.from) filters.push(gte(activityLog.createdAt, new Date(`${input.from}T00:00:00Z`)));
  if (input.to) filters.push(lt(activityLog.createdAt, new Date(Date.parse(`${input.to}T00:00:00Z`) + DAY_MS)));
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    // Compared in SQL at the database's full (microsecond) precision.
    filters.push(
      sql`(${activityLog.createdAt}, ${activityLog.id}::text) < (${cursor.createdAt}::timestamptz, ${cursor.id})`,
    );
  }
  const rows = await scope.db
    .select({
      id: activityLog.id,
      createdAt: activityLog.createdAt,
      action: activityLog.action,
      entityType: activityLog.entityType,
      entityId: activityLog.entityId,
      details: activityLog.details,
      actorId: activityLog.actorId,
      actorName: users.name,
      // The exact instant, to the microsecond, for the next page's cursor (a JS Date keeps only milliseconds).
      position: sql<string>`to_char(${activityLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(activityLog)
    .leftJoin(users, eq(users.id, activityLog.actorId))
    .where(and(...filters))
    .orderBy(desc(activityLog.createdAt), desc(sql`${activityLog.id}::text`))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ position: _, ...entry }) => entry),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ createdAt: last.position, id: last.id }) : null,
  };
}

/** The values the filters offer: entity types seen in this organization's log. */
export async function listAuditEntityTypes(scope: OrgScope) {
  const rows = await scope.db
    .selectDistinct({ entityType: activityLog.entityType })
    .from(activityLog)
    .where(eq(activityLog.organizationId, scope.org.id))
    .orderBy(activityLog.entityType);
  return rows.map((r) => r.entityType);
}

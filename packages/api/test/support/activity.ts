import { activityLog, and, asc, count, type Database, desc, eq, sql } from "@meridian/db";

/** The activity records written about one entity (any type), whole rows, oldest first. */
export function activityRowsOf(db: Database, entityId: string) {
  return db.select().from(activityLog).where(eq(activityLog.entityId, entityId)).orderBy(activityLog.createdAt);
}

/** The activity records of one entity type and id, as action, actor and details, oldest first. */
export function activityOf(db: Database, entityType: string, entityId: string) {
  return db
    .select({ action: activityLog.action, actorId: activityLog.actorId, details: activityLog.details })
    .from(activityLog)
    .where(and(eq(activityLog.entityType, entityType), eq(activityLog.entityId, entityId)))
    .orderBy(asc(activityLog.createdAt));
}

/** The activity records whose details name `value` under `key` (a check-in's or comment's id), whole rows, newest first. */
export function activityByDetail(db: Database, key: string, value: string) {
  return db
    .select()
    .from(activityLog)
    .where(sql`${activityLog.details}->>${key} = ${value}`)
    .orderBy(desc(activityLog.createdAt));
}

/** How many activity records one organization has. */
export async function activityCountOf(db: Database, organizationId: string) {
  const [row] = await db.select({ n: count() }).from(activityLog).where(eq(activityLog.organizationId, organizationId));
  return row?.n ?? 0;
}

import { activityLog, type Executor } from "@meridian/db";

export interface ActivityEntry {
  organizationId: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  details?: Record<string, unknown>;
}

/** Writes the audit record; call it inside the transaction that makes the change. */
export async function recordActivity(tx: Executor, entry: ActivityEntry): Promise<void> {
  await tx.insert(activityLog).values({ ...entry, details: entry.details ?? {} });
}

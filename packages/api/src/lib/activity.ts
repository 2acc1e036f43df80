import { activityLog, type Executor } from "@meridian/db";
import type { OrgScope } from "./scope";

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

/** The audit record of `scope`'s caller doing `action` to one entity of their organization. */
export function activityBy(
  scope: OrgScope,
  entityType: string,
  entityId: string,
  action: string,
  details: Record<string, unknown> = {},
): ActivityEntry {
  return { organizationId: scope.org.id, actorId: scope.user.id, entityType, entityId, action, details };
}

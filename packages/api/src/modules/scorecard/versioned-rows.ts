import { and, type Executor, eq } from "@meridian/db";
import { type ActivityEntry, recordActivity } from "../../lib/activity";
import { editConflict } from "../../lib/errors";
import type { VersionedTable } from "../../lib/versioned-update";

/** The row as read, if it still has the version the caller read; else an edit conflict showing it. */
export function atVersion<TRow extends { version: number }>(row: TRow, version: number, what: string): TRow {
  if (row.version !== version) throw editConflict(what, row);
  return row;
}

export interface AuditedDelete {
  table: VersionedTable;
  id: string;
  version: number;
  conflict: { what: string; current: () => Promise<Record<string, unknown>> };
  activity: Omit<ActivityEntry, "entityId">;
}

/**
 * The delete counterpart of `auditedUpdate`: removes the row only if it still
 * has the version the caller read (checked in the statement), and records the
 * activity in the same transaction.
 */
export async function auditedDelete(tx: Executor, remove: AuditedDelete): Promise<void> {
  const { table } = remove;
  const removed = await tx
    .delete(table)
    .where(
      and(
        eq(table.id, remove.id),
        eq(table.organizationId, remove.activity.organizationId),
        eq(table.version, remove.version),
      ),
    )
    .returning({ id: table.id });
  if (!removed.length) throw editConflict(remove.conflict.what, await remove.conflict.current());
  await recordActivity(tx, { ...remove.activity, entityId: remove.id });
}

import {
  type AnyPgColumn,
  and,
  type Executor,
  eq,
  type PgTable,
  type SelectedFields,
  type SelectResultFields,
} from "@meridian/db";
import { recordActivity } from "../../lib/activity";
import { editConflict, notFound } from "../../lib/errors";
import type { AuditedUpdate, VersionedTable } from "../../lib/versioned-update";

/**
 * Helpers for the scorecard's organization-owned rows: a row of another
 * organization is NOT_FOUND, exactly like one that does not exist.
 */

type OrgTable = PgTable & { id: AnyPgColumn; organizationId: AnyPgColumn };

/** One row of the organization, by id, as `columns` read it; `missing` is the NOT_FOUND message. */
export async function findOrgRow<TFields extends SelectedFields>(
  tx: Executor,
  table: OrgTable,
  columns: TFields,
  organizationId: string,
  id: string,
  missing: string,
): Promise<SelectResultFields<TFields>> {
  const [row] = (await tx
    .select(columns)
    .from(table)
    .where(and(eq(table.id, id), eq(table.organizationId, organizationId)))
    .limit(1)) as SelectResultFields<TFields>[];
  if (!row) throw notFound(missing);
  return row;
}

/** The row as read, if it still has the version the caller read; else an edit conflict showing it. */
export function atVersion<TRow extends { version: number }>(row: TRow, version: number, what: string): TRow {
  if (row.version !== version) throw editConflict(what, row);
  return row;
}

/**
 * The delete counterpart of `auditedUpdate`: removes the row only if it still
 * has the version the caller read (checked in the statement), and records the
 * activity in the same transaction.
 */
export async function auditedDelete(
  tx: Executor,
  remove: Pick<AuditedUpdate<VersionedTable, SelectedFields>, "table" | "id" | "version" | "conflict" | "activity">,
): Promise<void> {
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
  await recordActivity(tx, { ...remove.activity, entityId: remove.activity.entityId ?? remove.id });
}

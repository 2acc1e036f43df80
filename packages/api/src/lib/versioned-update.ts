import {
  type AnyPgColumn,
  and,
  type Executor,
  eq,
  type PgTable,
  type PgUpdateSetSource,
  type SelectedFields,
  type SelectResultFields,
  sql,
} from "@meridian/db";
import { type ActivityEntry, recordActivity } from "./activity";
import { editConflict } from "./errors";

/** A table whose rows people edit: scoped by organization, guarded by a version. */
export type VersionedTable = PgTable & {
  id: AnyPgColumn;
  organizationId: AnyPgColumn;
  version: AnyPgColumn;
  updatedAt: AnyPgColumn;
};

export interface AuditedUpdate<TTable extends VersionedTable, TFields extends SelectedFields> {
  table: TTable;
  /** The row and the version the caller read; a stale version is an edit conflict. */
  id: string;
  version: number;
  set: PgUpdateSetSource<TTable>;
  returning: TFields;
  /** What the conflict message calls the record, and how to read what it holds now. */
  conflict: { what: string; current: () => Promise<Record<string, unknown>> };
  /** The audit record written in the same transaction; its entity is the updated row. */
  activity: Omit<ActivityEntry, "entityId"> & { entityId?: string };
}

/**
 * The one shape of an edit: update the row only if it still has the version
 * the caller read (checked in the statement, so two racing saves cannot both
 * win), bump the version, and record the activity. Run it inside the
 * transaction that made the change's other checks.
 */
export async function auditedUpdate<TTable extends VersionedTable, TFields extends SelectedFields>(
  tx: Executor,
  update: AuditedUpdate<TTable, TFields>,
): Promise<SelectResultFields<TFields>> {
  const { table } = update;
  const [updated] = (await tx
    .update(table)
    .set({ ...update.set, updatedAt: sql`now()`, version: sql`${table.version} + 1` } as PgUpdateSetSource<TTable>)
    .where(
      and(
        eq(table.id, update.id),
        eq(table.organizationId, update.activity.organizationId),
        eq(table.version, update.version),
      ),
    )
    .returning(update.returning)) as SelectResultFields<TFields>[];
  if (!updated) throw editConflict(update.conflict.what, await update.conflict.current());
  await recordActivity(tx, { ...update.activity, entityId: update.activity.entityId ?? update.id });
  return updated;
}

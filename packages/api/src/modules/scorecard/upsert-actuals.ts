import { and, chunk, type Executor, eq, inArray, kpiActuals, sql } from "@meridian/db";
import type { KpiActualSource } from "@meridian/domain";
import { recordActivity } from "../../lib/activity";
import { notifyKpisTurnedRed } from "../notifications/kpi-events";
import { emitKpiStatusChanges } from "../webhooks/producers";

/** One period's value of a KPI; null removes the period's actual. */
export interface ActualWrite {
  kpiId: string;
  periodStart: string;
  value: number | null;
}

export interface UpsertActualsInput {
  organizationId: string;
  source: KpiActualSource;
  /** The person entering or importing; null for a push through the ingestion API. */
  actorId: string | null;
  /** Validated writes; the KPIs are the organization's own, entered (not computed) ones. */
  writes: readonly ActualWrite[];
  /** The activity recorded when something changed: its action and what to add to its details. */
  activity: { action: string; details?: Record<string, unknown> };
}

export interface UpsertActualsResult {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** Rows per statement: well under Postgres' 65,535 bound parameters. */
const CHUNK = 1000;
/** Changes spelled out in the activity record; a big import lists only its first ones. */
const LOGGED_CHANGES = 50;

const keyOf = (w: { kpiId: string; periodStart: string }) => `${w.kpiId}|${w.periodStart}`;

/** The values the named KPIs hold now, keyed "kpiId|periodStart". */
export async function currentActuals(
  db: Executor,
  organizationId: string,
  kpiIds: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const ids of chunk([...new Set(kpiIds)], CHUNK)) {
    const rows = await db
      .select({ kpiId: kpiActuals.kpiId, periodStart: kpiActuals.periodStart, value: kpiActuals.value })
      .from(kpiActuals)
      .where(and(eq(kpiActuals.organizationId, organizationId), inArray(kpiActuals.kpiId, ids)));
    for (const row of rows) out.set(keyOf(row), row.value);
  }
  return out;
}

/**
 * The one place KPI actuals are written, by hand, CSV or API. Each value is
 * upserted per (organization, KPI, period) and replaced only when it differs,
 * so repeating the same writes changes nothing and records no activity. Run it
 * inside the caller's transaction; one activity record covers the whole call.
 */
export async function upsertActuals(tx: Executor, input: UpsertActualsInput): Promise<UpsertActualsResult> {
  // One write per KPI and period, the last one winning: a statement may not touch a row twice.
  const writes = [...new Map(input.writes.map((w) => [keyOf(w), w])).values()];
  const kpiIds = [...new Set(writes.map((w) => w.kpiId))];

  // What the periods held before, for the counts of deletions and the audit trail.
  const before = await currentActuals(tx, input.organizationId, kpiIds);

  const result: UpsertActualsResult = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
  const upserts = writes.filter((w): w is ActualWrite & { value: number } => w.value !== null);
  for (const part of chunk(upserts, CHUNK)) {
    const written = await tx
      .insert(kpiActuals)
      .values(
        part.map((w) => ({
          organizationId: input.organizationId,
          kpiId: w.kpiId,
          periodStart: w.periodStart,
          value: w.value,
          source: input.source,
          updatedById: input.actorId,
        })),
      )
      .onConflictDoUpdate({
        target: [kpiActuals.organizationId, kpiActuals.kpiId, kpiActuals.periodStart],
        set: {
          value: sql`excluded.value`,
          source: sql`excluded.source`,
          updatedById: sql`excluded.updated_by_id`,
          updatedAt: sql`now()`,
        },
        // The same value again leaves the row, its source and its timestamps as they were.
        setWhere: sql`${kpiActuals.value} is distinct from excluded.value`,
      })
      // A row Postgres inserted has no deleting transaction yet (xmax 0); an updated one has.
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const created = written.filter((r) => r.inserted).length;
    result.created += created;
    result.updated += written.length - created;
    result.unchanged += part.length - written.length;
  }

  const removals = writes.filter((w) => w.value === null);
  for (const part of chunk(removals, CHUNK)) {
    const deleted = await tx
      .delete(kpiActuals)
      .where(
        and(
          eq(kpiActuals.organizationId, input.organizationId),
          sql`(${kpiActuals.kpiId}, ${kpiActuals.periodStart}) in (${sql.join(
            part.map((w) => sql`(${w.kpiId}::uuid, ${w.periodStart}::date)`),
            sql`, `,
          )})`,
        ),
      )
      .returning({ id: kpiActuals.id });
    result.deleted += deleted.length;
    result.unchanged += part.length - deleted.length;
  }

  const [firstKpi] = kpiIds;
  if (firstKpi && result.created + result.updated + result.deleted > 0) {
    const changes = writes
      .filter((w) => (before.get(keyOf(w)) ?? null) !== w.value)
      .map((w) => ({
        kpiId: w.kpiId,
        periodStart: w.periodStart,
        before: before.get(keyOf(w)) ?? null,
        after: w.value,
      }));
    await recordActivity(tx, {
      organizationId: input.organizationId,
      actorId: input.actorId,
      entityType: "kpi",
      // One record per call: about the KPI when there is one, about the first of them (all listed) when several.
      entityId: firstKpi,
      action: input.activity.action,
      details: {
        ...input.activity.details,
        source: input.source,
        kpiIds,
        created: result.created,
        updated: result.updated,
        deleted: result.deleted,
        unchanged: result.unchanged,
        changes: changes.slice(0, LOGGED_CHANGES),
        ...(changes.length > LOGGED_CHANGES && { moreChanges: changes.length - LOGGED_CHANGES }),
      },
    });
    // A value that makes a KPI's latest period red tells its owner, in this same transaction.
    await notifyKpisTurnedRed(tx, { organizationId: input.organizationId, actorId: input.actorId, changes });
    await emitKpiStatusChanges(tx, { organizationId: input.organizationId, changes });
  }
  return result;
}

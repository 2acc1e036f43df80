import { and, type Database, type Executor, eq, isNull, keyResults, objectives, rows, sql } from "@meridian/db";
import {
  countsTowardRollup,
  keyResultProgress,
  type ObjectiveProgress,
  type ObjectiveStatus,
  type ProgressSource,
  type RollupObjective,
  rollupObjectives,
} from "@meridian/domain";
import { sqlArray } from "../../lib/sql-array";
import { emitObjectiveStatusChanges, type ObjectiveBefore } from "../webhooks/producers";

/*
 * Objectives keep their rolled-up progress (ADR 0012): every write that changes
 * what feeds it recomputes the objectives it touched and the chain above them,
 * in the writer's transaction, so a read takes the figure with its rows.
 */

interface RollupInput {
  id: string;
  parentId: string | null;
  status: ObjectiveStatus;
  weight: number;
  progressSource: ProgressSource;
}

interface KeyResultInput {
  objectiveId: string;
  type: Parameters<typeof keyResultProgress>[0]["type"];
  startValue: number;
  targetValue: number;
  currentValue: number | null;
  currentConfidence: number | null;
  weight: number;
}

interface StoredRollup extends ObjectiveProgress {
  lowestConfidence: number | null;
  keyResultCount: number;
}

const keyResultInputColumns = {
  objectiveId: keyResults.objectiveId,
  type: keyResults.type,
  startValue: keyResults.startValue,
  targetValue: keyResults.targetValue,
  currentValue: keyResults.currentValue,
  currentConfidence: keyResults.currentConfidence,
  weight: keyResults.weight,
};

const NOTHING: ObjectiveProgress = { progress: 0, hasData: false, measurable: false };

/**
 * Recomputes the stored rollup of these objectives and of every objective above
 * them in the same cycle. The chain is locked first, so two writers under one
 * parent cannot each store a sum that misses the other's change.
 */
export async function refreshRollups(tx: Executor, organizationId: string, objectiveIds: readonly string[]) {
  const ids = [...new Set(objectiveIds)];
  if (!ids.length) return;
  const chainIds = rows<{ id: string }>(
    await tx.execute(sql`
      with recursive chain(id, parent_id, cycle_id) as (
        select o.id, o.parent_id, o.cycle_id from objectives o
        where o.organization_id = ${organizationId} and o.id = any(${sqlArray(ids, "uuid")})
        union
        select p.id, p.parent_id, p.cycle_id from chain c
        join objectives p on p.organization_id = ${organizationId} and p.id = c.parent_id and p.cycle_id = c.cycle_id
      )
      select distinct id from chain`),
  ).map((r) => r.id);
  const chainParam = sqlArray(chainIds, "uuid");

  // With the figures stored now and the cycle's dates: a status that moves is a webhook event.
  const chain = rows<RollupInput & ObjectiveBefore & { cycleId: string }>(
    await tx.execute(sql`
      select o.id, o.parent_id as "parentId", o.cycle_id as "cycleId", o.status, o.weight,
        o.progress_source as "progressSource", o.title, o.progress, o.progress_has_data as "hasData",
        o.lowest_confidence as "lowestConfidence", c.starts_on::text as "startsOn", c.ends_on::text as "endsOn"
      from objectives o join cycles c on c.organization_id = o.organization_id and c.id = o.cycle_id
      where o.organization_id = ${organizationId} and o.id = any(${chainParam})
      order by o.id for update of o`),
  );
  const cycleOf = new Map(chain.map((o) => [o.id, o.cycleId]));
  const [krs, children] = await Promise.all([
    tx
      .select(keyResultInputColumns)
      .from(keyResults)
      .where(
        and(
          eq(keyResults.organizationId, organizationId),
          sql`${keyResults.objectiveId} = any(${chainParam})`,
          isNull(keyResults.archivedAt),
        ),
      ),
    // What feeds the chain from outside it: counting children, at their stored figures.
    tx.execute(sql`
      select id, parent_id as "parentId", cycle_id as "cycleId", weight, progress,
        progress_has_data as "hasData", progress_measurable as "measurable"
      from objectives
      where organization_id = ${organizationId} and parent_id = any(${chainParam})
        and not (id = any(${chainParam})) and status in ('active', 'closed')`),
  ]);
  const known = rows<{
    id: string;
    parentId: string;
    cycleId: string;
    weight: number;
    progress: number;
    hasData: boolean;
    measurable: boolean;
  }>(children).filter((c) => cycleOf.get(c.parentId) === c.cycleId);

  const computed = computeRollups(chain, krs, known);
  await writeRollups(tx, organizationId, computed);
  await emitObjectiveStatusChanges(tx, organizationId, chain, computed);
}

/** Recomputes every objective of one cycle from its key results up. */
export async function refreshCycleRollups(tx: Executor, organizationId: string, cycleId: string) {
  const [cycleObjectives, krs] = await Promise.all([
    tx
      .select({
        id: objectives.id,
        parentId: objectives.parentId,
        status: objectives.status,
        weight: objectives.weight,
        progressSource: objectives.progressSource,
      })
      .from(objectives)
      .where(and(eq(objectives.organizationId, organizationId), eq(objectives.cycleId, cycleId))),
    tx
      .select(keyResultInputColumns)
      .from(keyResults)
      .innerJoin(
        objectives,
        and(eq(objectives.organizationId, keyResults.organizationId), eq(objectives.id, keyResults.objectiveId)),
      )
      .where(
        and(
          eq(keyResults.organizationId, organizationId),
          eq(objectives.cycleId, cycleId),
          isNull(keyResults.archivedAt),
        ),
      ),
  ]);
  await writeRollups(tx, organizationId, computeRollups(cycleObjectives, krs, []));
}

/**
 * Computes what is still marked stale: rows from before the rollup was stored,
 * and bulk loads (the demo seed, benchmark generators). Run on start.
 */
export async function refreshStaleRollups(db: Database): Promise<number> {
  const stale = rows<{ organizationId: string; cycleId: string }>(
    await db.execute(sql`
      select distinct organization_id as "organizationId", cycle_id as "cycleId"
      from objectives where progress_stale`),
  );
  for (const { organizationId, cycleId } of stale) {
    await db.transaction((tx) => refreshCycleRollups(tx, organizationId, cycleId));
  }
  return stale.length;
}

function computeRollups(
  targets: readonly RollupInput[],
  krs: readonly KeyResultInput[],
  known: readonly {
    id: string;
    parentId: string;
    weight: number;
    progress: number;
    hasData: boolean;
    measurable: boolean;
  }[],
): Map<string, StoredRollup> {
  const krsByObjective = new Map<string, KeyResultInput[]>();
  for (const kr of krs) {
    const list = krsByObjective.get(kr.objectiveId) ?? [];
    list.push(kr);
    krsByObjective.set(kr.objectiveId, list);
  }
  const input: RollupObjective[] = targets
    .filter((o) => countsTowardRollup(o.status))
    .map((o) => ({
      id: o.id,
      parentId: o.parentId,
      weight: o.weight,
      progressSource: o.progressSource,
      keyResults: (krsByObjective.get(o.id) ?? []).map((kr) => ({
        ...keyResultProgress(kr, kr.currentValue),
        weight: kr.weight,
      })),
    }));
  for (const c of known) {
    input.push({
      id: c.id,
      parentId: c.parentId,
      weight: c.weight,
      progressSource: "key_results",
      keyResults: [],
      known: { progress: c.progress, hasData: c.hasData, measurable: c.measurable },
    });
  }
  const rolled = rollupObjectives(input);

  const result = new Map<string, StoredRollup>();
  for (const o of targets) {
    const own = krsByObjective.get(o.id) ?? [];
    const confidences = own.map((kr) => kr.currentConfidence).filter((c): c is number => c !== null);
    result.set(o.id, {
      // Drafts and archived objectives roll up nothing, not even for themselves.
      ...(countsTowardRollup(o.status) ? (rolled.get(o.id) ?? NOTHING) : NOTHING),
      lowestConfidence: confidences.length ? Math.min(...confidences) : null,
      keyResultCount: own.length,
    });
  }
  return result;
}

/** One statement for any number of objectives: each column travels as one array parameter. */
async function writeRollups(tx: Executor, organizationId: string, computed: ReadonlyMap<string, StoredRollup>) {
  if (!computed.size) return;
  const ids = [...computed.keys()];
  const values = [...computed.values()];
  await tx.execute(sql`
    update objectives o set
      progress = v.progress,
      progress_has_data = v.has_data,
      progress_measurable = v.measurable,
      lowest_confidence = v.lowest_confidence,
      key_result_count = v.key_result_count,
      progress_stale = false
    from unnest(
      ${sqlArray(ids, "uuid")},
      ${sqlArray(
        values.map((v) => v.progress),
        "float8",
      )},
      ${sqlArray(
        values.map((v) => v.hasData),
        "bool",
      )},
      ${sqlArray(
        values.map((v) => v.measurable),
        "bool",
      )},
      ${sqlArray(
        values.map((v) => v.lowestConfidence),
        "int2",
      )},
      ${sqlArray(
        values.map((v) => v.keyResultCount),
        "int4",
      )}
    ) as v(id, progress, has_data, measurable, lowest_confidence, key_result_count)
    where o.organization_id = ${organizationId} and o.id = v.id`);
}

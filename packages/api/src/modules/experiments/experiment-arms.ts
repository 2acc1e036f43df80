// An edit's variants and metrics: the stored rows brought in line with the form's lists. Ids are kept where
// a row stays (by position for variants, by name for secondary metrics), so recorded numbers stay attached.
import {
  and,
  type Executor,
  eq,
  experimentMetrics,
  experimentResults,
  experimentVariants,
  inArray,
  sql,
} from "@meridian/db";
import type { ExperimentPlanSnapshot, TExperimentUpdate } from "@meridian/domain";
import { invalidInput } from "../../lib/errors";
import type { Arm, ExperimentRow, Metric } from "./experiment-rows";

/** The stored plan in the form's units, to compare an edit against (`lockedChanges`). */
export function planSnapshot(row: ExperimentRow, variants: readonly Arm[], metrics: readonly Metric[]) {
  return {
    startDate: row.startDate,
    minimumDetectableEffect: row.mdeBp / 100,
    alpha: row.alphaBp / 100,
    power: row.powerBp / 100,
    baselineRate: row.baselineRateBp === null ? null : row.baselineRateBp / 100,
    variants: variants.map((v) => ({ name: v.name, weight: v.weight })),
    primaryMetric: metrics.find((m) => m.isPrimary)?.name ?? "",
    secondaryMetrics: metrics.filter((m) => !m.isPrimary).map((m) => m.name),
  } satisfies ExperimentPlanSnapshot;
}

const key = (name: string) => name.trim().toLowerCase();

async function hasResults(tx: Executor, organizationId: string, column: "variantId" | "metricId", ids: string[]) {
  if (ids.length === 0) return false;
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(experimentResults)
    .where(and(eq(experimentResults.organizationId, organizationId), inArray(experimentResults[column], ids)))
    .limit(1);
  return Boolean(row);
}

/**
 * Renames in two steps (first to a name no one types, then to the new one), so swapping two names does not
 * trip the unique index half-way.
 */
async function rename(
  tx: Executor,
  table: typeof experimentVariants | typeof experimentMetrics,
  organizationId: string,
  changes: { id: string; name: string }[],
) {
  for (const c of changes)
    await tx
      .update(table)
      .set({ name: sql`'~renaming~' || ${c.id}` })
      .where(and(eq(table.organizationId, organizationId), eq(table.id, c.id)));
  for (const c of changes)
    await tx
      .update(table)
      .set({ name: c.name })
      .where(and(eq(table.organizationId, organizationId), eq(table.id, c.id)));
}

/** Control first: position i of the list is position i of the stored variants. */
export async function syncVariants(
  tx: Executor,
  organizationId: string,
  experimentId: string,
  stored: readonly Arm[],
  next: NonNullable<TExperimentUpdate["variants"]>,
) {
  const removed = stored.slice(next.length);
  if (
    await hasResults(
      tx,
      organizationId,
      "variantId",
      removed.map((v) => v.id),
    )
  ) {
    throw invalidInput("variants", "A variant with numbers recorded cannot be removed; clear its numbers first.");
  }
  if (removed.length > 0)
    await tx.delete(experimentVariants).where(
      and(
        eq(experimentVariants.organizationId, organizationId),
        inArray(
          experimentVariants.id,
          removed.map((v) => v.id),
        ),
      ),
    );
  const kept = stored.slice(0, next.length);
  await rename(
    tx,
    experimentVariants,
    organizationId,
    kept.flatMap((v, i) => (next[i] && next[i].name !== v.name ? [{ id: v.id, name: next[i].name }] : [])),
  );
  for (const [i, v] of kept.entries()) {
    const weight = next[i]?.weight;
    if (weight !== undefined && weight !== v.weight)
      await tx
        .update(experimentVariants)
        .set({ weight })
        .where(and(eq(experimentVariants.organizationId, organizationId), eq(experimentVariants.id, v.id)));
  }
  const added = next.slice(stored.length);
  if (added.length > 0)
    await tx.insert(experimentVariants).values(
      added.map((v, i) => ({
        organizationId,
        experimentId,
        name: v.name,
        weight: v.weight,
        isControl: stored.length + i === 0,
        position: stored.length + i,
      })),
    );
}

/** The primary metric by its row, secondary ones by name; a name no longer listed is removed (a draft's only). */
export async function syncMetrics(
  tx: Executor,
  organizationId: string,
  experimentId: string,
  stored: readonly Metric[],
  next: { primaryMetric?: string; secondaryMetrics?: string[] },
) {
  const primary = stored.find((m) => m.isPrimary);
  const primaryName = next.primaryMetric ?? primary?.name ?? "";
  const storedSecondary = stored.filter((m) => !m.isPrimary);
  const secondary = next.secondaryMetrics ?? storedSecondary.map((m) => m.name);
  if (secondary.some((name) => key(name) === key(primaryName))) {
    throw invalidInput("secondaryMetrics", `"${primaryName}" is the primary metric already.`);
  }
  const removed = storedSecondary.filter((m) => !secondary.some((name) => key(name) === key(m.name)));
  if (
    await hasResults(
      tx,
      organizationId,
      "metricId",
      removed.map((m) => m.id),
    )
  ) {
    throw invalidInput(
      "secondaryMetrics",
      "A metric with numbers recorded cannot be removed; clear its numbers first.",
    );
  }
  if (removed.length > 0)
    await tx.delete(experimentMetrics).where(
      and(
        eq(experimentMetrics.organizationId, organizationId),
        inArray(
          experimentMetrics.id,
          removed.map((m) => m.id),
        ),
      ),
    );
  const renames: { id: string; name: string }[] = [];
  if (primary && next.primaryMetric !== undefined && next.primaryMetric !== primary.name)
    renames.push({ id: primary.id, name: next.primaryMetric });
  const added: string[] = [];
  for (const name of secondary) {
    const match = storedSecondary.find((m) => key(m.name) === key(name));
    if (!match) added.push(name);
    else if (match.name !== name) renames.push({ id: match.id, name });
  }
  await rename(tx, experimentMetrics, organizationId, renames);
  const last = Math.max(-1, ...stored.map((m) => m.position));
  if (added.length > 0)
    await tx
      .insert(experimentMetrics)
      .values(
        added.map((name, i) => ({ organizationId, experimentId, name, isPrimary: false, position: last + 1 + i })),
      );
}

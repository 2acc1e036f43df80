import type { Progress } from "./key-result-progress";

export const PROGRESS_SOURCES = ["key_results", "aligned_objectives", "both"] as const;
export type ProgressSource = (typeof PROGRESS_SOURCES)[number];

export interface WeightedProgress extends Progress {
  weight: number;
}

/**
 * Σ wᵢ·pᵢ / Σ wᵢ. Items with zero weight drop out; with nothing left the
 * result is "no data" rather than a made-up zero.
 */
export function weightedProgress(items: readonly WeightedProgress[]): Progress {
  let weightSum = 0;
  let sum = 0;
  let hasData = false;
  for (const item of items) {
    if (!(item.weight > 0)) continue;
    weightSum += item.weight;
    sum += item.weight * item.progress;
    hasData ||= item.hasData;
  }
  if (weightSum === 0) return { progress: 0, hasData: false };
  return { progress: sum / weightSum, hasData };
}

export interface RollupObjective {
  id: string;
  parentId: string | null;
  weight: number;
  progressSource: ProgressSource;
  /** Progress of each active key result, with its weight. */
  keyResults: readonly WeightedProgress[];
  /**
   * Progress already known (stored), used as is: lets a caller recompute a few
   * objectives whose siblings and children are not loaded.
   */
  known?: ObjectiveProgress;
}

export interface ObjectiveProgress extends Progress {
  /** False when the objective has nothing to measure (no key results, no aligned objectives). */
  measurable: boolean;
}

/**
 * Progress of every objective in an alignment forest, rolled up from the leaves,
 * with weights kept at every level. Parents outside the given set are treated as roots.
 * An aligned child without data (no check-in anywhere below it) is left out of its
 * parent's mean; a parent whose feeding children all lack data (and whose own key
 * results, if it reads them, have none) has no data itself.
 * Throws on an alignment loop, which the API never lets happen.
 */
export function rollupObjectives(objectives: readonly RollupObjective[]): Map<string, ObjectiveProgress> {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const children = new Map<string, RollupObjective[]>();
  for (const o of objectives) {
    if (o.parentId === null || !byId.has(o.parentId)) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o);
    children.set(o.parentId, list);
  }

  const result = new Map<string, ObjectiveProgress>();
  const visiting = new Set<string>();

  const visit = (o: RollupObjective): ObjectiveProgress => {
    const done = result.get(o.id) ?? o.known;
    if (done) return done;
    if (visiting.has(o.id)) throw new Error(`Alignment loop through objective ${o.id}`);
    visiting.add(o.id);

    const items: WeightedProgress[] = [];
    if (o.progressSource !== "aligned_objectives") items.push(...o.keyResults);
    let measurable = items.some((i) => i.weight > 0);
    for (const child of children.get(o.id) ?? []) {
      // Visited even when it does not feed this objective, so every loop is found.
      const p = visit(child);
      if (o.progressSource === "key_results" || !p.measurable || !(child.weight > 0)) continue;
      measurable = true;
      // A child nobody has checked in on yet is missing data, not 0 %: it stays out of the mean (ADR 0015).
      if (p.hasData) items.push({ ...p, weight: child.weight });
    }
    const progress: ObjectiveProgress = { ...weightedProgress(items), measurable };
    visiting.delete(o.id);
    result.set(o.id, progress);
    return progress;
  };

  for (const o of objectives) visit(o);
  return result;
}

export const PROGRESS_SOURCE_LABELS: Record<ProgressSource, string> = {
  key_results: "Key results",
  aligned_objectives: "Aligned objectives",
  both: "Key results and aligned objectives",
};

// Daily results: the grid, the CSV import (with its preview) and the ingestion push all end in one idempotent upsert.
import { and, type Executor, eq, experimentResults, sql } from "@meridian/db";
import {
  parseResultsCsv,
  type ResultsCsvRow,
  type TExperimentResultsImport,
  type TExperimentResultsSave,
} from "@meridian/domain";
import { recordActivity } from "../../lib/activity";
import { invalidInput, invalidInputs } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { type ExperimentRow, findManageableExperiment, loadArms } from "./experiment-rows";

export interface ResultWrite {
  variantId: string;
  metricId: string;
  day: string;
  exposures: number;
  conversions: number;
}

export interface UpsertResultsInput {
  organizationId: string;
  experimentId: string;
  source: "manual" | "csv" | "api";
  actorId: string | null;
  writes: readonly ResultWrite[];
  action: string;
}

/**
 * Inserts or replaces each (variant, metric, day); a row whose numbers are already stored is left alone and
 * counted as unchanged, so a repeat of the same request changes nothing (not even updated_at).
 */
export async function upsertResults(tx: Executor, input: UpsertResultsInput) {
  if (input.writes.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const written = await tx
    .insert(experimentResults)
    .values(
      input.writes.map((w) => ({
        organizationId: input.organizationId,
        experimentId: input.experimentId,
        variantId: w.variantId,
        metricId: w.metricId,
        day: w.day,
        exposures: w.exposures,
        conversions: w.conversions,
        source: input.source,
        updatedById: input.actorId,
      })),
    )
    .onConflictDoUpdate({
      target: [
        experimentResults.organizationId,
        experimentResults.experimentId,
        experimentResults.variantId,
        experimentResults.metricId,
        experimentResults.day,
      ],
      set: {
        exposures: sql`excluded.exposures`,
        conversions: sql`excluded.conversions`,
        source: sql`excluded.source`,
        updatedById: sql`excluded.updated_by_id`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`(${experimentResults.exposures}, ${experimentResults.conversions}) is distinct from (excluded.exposures, excluded.conversions)`,
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const created = written.filter((w) => w.inserted).length;
  const updated = written.length - created;
  const unchanged = input.writes.length - written.length;
  if (written.length > 0) {
    await recordActivity(tx, {
      organizationId: input.organizationId,
      actorId: input.actorId,
      entityType: "experiment",
      entityId: input.experimentId,
      action: input.action,
      details: { created, updated },
    });
  }
  return { created, updated, unchanged };
}

/** The results grid: one metric, many variants and days; the same numbers again change nothing. */
export async function saveResults(scope: ViewerScope, input: TExperimentResultsSave) {
  return scope.db.transaction(async (tx) => {
    const experiment = await findManageableExperiment(tx, scope, input.experimentId);
    const { variants, metrics } = await loadArms(tx, scope.org.id, [experiment.id]);
    if (!metrics.some((m) => m.id === input.metricId))
      throw invalidInput("metricId", "Choose a metric of this experiment.");
    const known = new Set(variants.map((v) => v.id));
    const seen = new Set<string>();
    for (const row of input.rows) {
      if (!known.has(row.variantId)) throw invalidInput("rows", "Each row must name a variant of this experiment.");
      const key = `${row.variantId}|${row.day}`;
      if (seen.has(key)) throw invalidInput("rows", `A variant's numbers for ${row.day} are given twice.`);
      seen.add(key);
    }
    return upsertResults(tx, {
      organizationId: scope.org.id,
      experimentId: experiment.id,
      source: "manual",
      actorId: scope.user.id,
      writes: input.rows.map((r) => ({ ...r, metricId: input.metricId })),
      action: "experiment.results.saved",
    });
  });
}

export type ResultsImportStatus = "new" | "update" | "unchanged" | "error";

async function evaluateCsv(tx: Executor, scope: ViewerScope, experiment: ExperimentRow, csv: string) {
  const { variants, metrics } = await loadArms(tx, scope.org.id, [experiment.id]);
  const parsed = parseResultsCsv(csv, { variants, metrics });
  if (!parsed.ok) throw invalidInput("csv", parsed.error);
  const stored = await tx
    .select({
      variantId: experimentResults.variantId,
      metricId: experimentResults.metricId,
      day: experimentResults.day,
      exposures: experimentResults.exposures,
      conversions: experimentResults.conversions,
    })
    .from(experimentResults)
    .where(and(eq(experimentResults.organizationId, scope.org.id), eq(experimentResults.experimentId, experiment.id)));
  const byKey = new Map(stored.map((s) => [`${s.variantId}|${s.metricId}|${s.day}`, s]));
  const statusOf = (r: ResultsCsvRow): ResultsImportStatus => {
    if (r.errors.length > 0) return "error";
    const s = byKey.get(`${r.variantId}|${r.metricId}|${r.day}`);
    if (!s) return "new";
    return s.exposures === r.exposures && s.conversions === r.conversions ? "unchanged" : "update";
  };
  const rows = parsed.rows.map((r) => ({
    line: r.line,
    cells: r.cells,
    status: statusOf(r),
    errors: r.errors,
    variant: variants.find((v) => v.id === r.variantId)?.name ?? null,
    metric: metrics.find((m) => m.id === r.metricId)?.name ?? null,
    day: r.day,
    exposures: r.exposures,
    conversions: r.conversions,
    write:
      r.errors.length === 0 && r.variantId && r.metricId && r.day && r.exposures !== null && r.conversions !== null
        ? {
            variantId: r.variantId,
            metricId: r.metricId,
            day: r.day,
            exposures: r.exposures,
            conversions: r.conversions,
          }
        : null,
  }));
  const counts = { new: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status] += 1;
  return { rows, counts };
}

/** What importing this CSV would do, row by row, with every error; writes nothing. */
export async function previewResultsImport(scope: ViewerScope, input: TExperimentResultsImport) {
  const experiment = await findManageableExperiment(scope.db, scope, input.experimentId);
  const { rows, counts } = await evaluateCsv(scope.db, scope, experiment, input.csv);
  return { rows: rows.map(({ write: _write, ...row }) => row), counts };
}

/** Imports the CSV: all rows or none; a repeat of the same file changes nothing. */
export async function importResults(scope: ViewerScope, input: TExperimentResultsImport) {
  return scope.db.transaction(async (tx) => {
    const experiment = await findManageableExperiment(tx, scope, input.experimentId);
    const { rows, counts } = await evaluateCsv(tx, scope, experiment, input.csv);
    if (counts.error > 0) {
      const bad = rows.filter((r) => r.status === "error");
      throw invalidInputs(
        "csv",
        `${bad.length} ${bad.length === 1 ? "row has" : "rows have"} errors; nothing was imported.`,
        bad.slice(0, 20).map((r) => `Line ${r.line}: ${r.errors.join(" ")}`),
      );
    }
    return upsertResults(tx, {
      organizationId: scope.org.id,
      experimentId: experiment.id,
      source: "csv",
      actorId: scope.user.id,
      writes: rows.flatMap((r) => (r.write ? [r.write] : [])),
      action: "experiment.results.imported",
    });
  });
}

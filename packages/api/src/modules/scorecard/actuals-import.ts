import { type Executor, eq, kpis } from "@meridian/db";
import {
  type ActualsKpi,
  canEnterKpiActuals,
  parseActualsCsv,
  periodLabel,
  type Role,
  type TKpiActualsImport,
} from "@meridian/domain";
import { type AppError, invalidInput, invalidInputs } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { currentActuals } from "./upsert-actuals";

export const OWNERS_ONLY = "You can only enter actuals for KPIs you own.";

export type ImportRowStatus = "new" | "update" | "unchanged" | "error";

export interface ImportPreviewRow {
  line: number;
  kpi: { id: string; name: string } | null;
  periodStart: string | null;
  /** The period as people name it for the KPI's frequency: "Jul 2026", "Q3 2026", "6 Jul 2026". */
  periodLabel: string | null;
  value: number | null;
  /** The row's cells as written in the file. */
  cells: { kpi: string; period: string; value: string };
  /** The value the period holds now, if any. */
  previous: number | null;
  status: ImportRowStatus;
  errors: string[];
}

export interface ImportPreview {
  rows: ImportPreviewRow[];
  counts: Record<ImportRowStatus, number>;
}

type ImportKpi = ActualsKpi & { ownerId: string };

/** Who enters the actuals, as the permission rule for actuals reads them. */
export const callerOf = (scope: OrgScope) => ({ role: scope.org.role, userId: scope.user.id });

/** The organization's KPIs, as the CSV reader needs them (archived ones too, to say so). */
export async function loadActualsKpis(db: Executor, organizationId: string): Promise<ImportKpi[]> {
  const rows = await db
    .select({
      id: kpis.id,
      name: kpis.name,
      kind: kpis.kind,
      frequency: kpis.frequency,
      ownerId: kpis.ownerId,
      archivedAt: kpis.archivedAt,
    })
    .from(kpis)
    .where(eq(kpis.organizationId, organizationId));
  return rows.map(({ archivedAt, ...k }) => ({ ...k, archived: archivedAt !== null }));
}

/**
 * Reads a CSV of actuals against the organization's KPIs and what they hold
 * now: per row, what it would do (new, update, unchanged) or why it cannot.
 * A problem with the whole file (no header, missing columns) is a 400.
 */
export async function evaluateActualsCsv(
  db: Executor,
  organizationId: string,
  caller: { role: Role; userId: string },
  csv: string,
): Promise<ImportPreview> {
  const parsed = parseActualsCsv(csv, await loadActualsKpis(db, organizationId));
  if (!parsed.ok) throw invalidInput("csv", parsed.error);
  const allowed = (kpi: ImportKpi) => canEnterKpiActuals({ ...caller, kpiOwnerId: kpi.ownerId });
  const current = await currentActuals(
    db,
    organizationId,
    parsed.rows.flatMap((r) => (r.kpi && allowed(r.kpi) ? [r.kpi.id] : [])),
  );
  const counts: Record<ImportRowStatus, number> = { new: 0, update: 0, unchanged: 0, error: 0 };
  const rows = parsed.rows.map((row): ImportPreviewRow => {
    const errors = [...row.errors];
    if (row.kpi && !allowed(row.kpi)) errors.push(OWNERS_ONLY);
    const previous =
      row.kpi && row.periodStart && errors.length === 0
        ? (current.get(`${row.kpi.id}|${row.periodStart}`) ?? null)
        : null;
    const status: ImportRowStatus = errors.length
      ? "error"
      : previous === null
        ? "new"
        : previous === row.value
          ? "unchanged"
          : "update";
    counts[status] += 1;
    return {
      line: row.line,
      kpi: row.kpi && { id: row.kpi.id, name: row.kpi.name },
      periodStart: row.periodStart,
      periodLabel: row.kpi && row.periodStart ? periodLabel(row.periodStart, row.kpi.frequency) : null,
      value: row.value,
      cells: row.cells,
      previous,
      status,
      errors,
    };
  });
  return { rows, counts };
}

/** What importing this CSV would do, row by row, with every error; writes nothing. */
export function previewActualsImport(scope: OrgScope, input: TKpiActualsImport): Promise<ImportPreview> {
  return evaluateActualsCsv(scope.db, scope.org.id, callerOf(scope), input.csv);
}

/** Row errors spelled out in an import refusal; the preview shows them all. */
const LISTED_ERRORS = 50;

/**
 * The refusal of an import with bad rows: a summary, then "Line N: …" for each
 * error, as field errors of `csv` so the form lists them.
 */
export function importErrorFor(rows: readonly ImportPreviewRow[]): AppError {
  const bad = rows.filter((r) => r.errors.length > 0);
  const summary = `${bad.length} of ${rows.length} ${rows.length === 1 ? "row has" : "rows have"} errors, so nothing was imported. Fix ${
    bad.length === 1 ? "it" : "them"
  } and import again.`;
  const lines = bad.flatMap((r) => r.errors.map((e) => `Line ${r.line}: ${e}`));
  const listed = lines.slice(0, LISTED_ERRORS);
  if (lines.length > listed.length) listed.push(`…and ${lines.length - listed.length} more.`);
  return invalidInputs("csv", summary, listed);
}

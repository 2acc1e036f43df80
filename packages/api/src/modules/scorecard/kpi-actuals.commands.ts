import {
  canEnterKpiActuals,
  enteredValuesRefusal,
  type KpiActualSource,
  periodContaining,
  periodLabel,
  type TKpiActualsImport,
  type TKpiActualsSave,
} from "@meridian/domain";
import { forbidden, invalidInput } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { callerOf, evaluateActualsCsv, importErrorFor, OWNERS_ONLY } from "./actuals-import";
import { findKpi } from "./kpi-rows";
import { upsertActuals } from "./upsert-actuals";

/**
 * Values of one KPI for many periods at once (the actuals grid). Each period
 * is named by its first day; null clears it. Saving the same values again changes nothing.
 */
export async function saveActuals(
  scope: OrgScope,
  input: TKpiActualsSave,
  /** How the values came: typed into the grid (the default) or sent through the REST API, and what to note of it. */
  via: { source: KpiActualSource; details?: Record<string, unknown> } = { source: "manual" },
) {
  const kpi = await findKpi(scope.db, scope.org.id, input.kpiId);
  if (!canEnterKpiActuals({ ...callerOf(scope), kpiOwnerId: kpi.ownerId })) throw forbidden(OWNERS_ONLY);
  const refusal = enteredValuesRefusal(kpi);
  if (refusal) throw invalidInput("values", refusal);
  if (kpi.archivedAt) throw invalidInput("values", `${kpi.name} is archived: restore it before entering values.`);
  const seen = new Set<string>();
  for (const { periodStart } of input.values) {
    const period = periodContaining(periodStart, kpi.frequency);
    if (period.start !== periodStart) {
      throw invalidInput(
        "values",
        `${periodStart} does not start one of ${kpi.name}'s ${kpi.frequency} periods: ${periodLabel(
          period.start,
          kpi.frequency,
        )} starts on ${period.start}.`,
      );
    }
    if (seen.has(periodStart)) {
      throw invalidInput("values", `${periodLabel(periodStart, kpi.frequency)} is given twice.`);
    }
    seen.add(periodStart);
  }
  return scope.db.transaction((tx) =>
    upsertActuals(tx, {
      organizationId: scope.org.id,
      source: via.source,
      actorId: scope.user.id,
      writes: input.values.map((v) => ({ kpiId: kpi.id, periodStart: v.periodStart, value: v.value })),
      activity: { action: "kpi.actuals.saved", details: { kpiName: kpi.name, ...via.details } },
    }),
  );
}

/**
 * Imports a CSV of actuals: all rows or none. Any row with an error refuses
 * the whole file, naming each; a repeat of the same file changes nothing.
 */
export async function importActuals(scope: OrgScope, input: TKpiActualsImport) {
  return scope.db.transaction(async (tx) => {
    const preview = await evaluateActualsCsv(tx, scope.org.id, callerOf(scope), input.csv);
    if (preview.counts.error > 0) throw importErrorFor(preview.rows);
    const { created, updated, unchanged } = await upsertActuals(tx, {
      organizationId: scope.org.id,
      source: "csv",
      actorId: scope.user.id,
      writes: preview.rows.flatMap((r) =>
        r.kpi && r.periodStart && r.value !== null
          ? [{ kpiId: r.kpi.id, periodStart: r.periodStart, value: r.value }]
          : [],
      ),
      activity: { action: "kpi.actuals.imported", details: { rows: preview.rows.length } },
    });
    return { created, updated, unchanged };
  });
}

import { type Executor, rows, sql } from "@meridian/db";
import { kpiScore, kpiStatus, periodLabel } from "@meridian/domain";
import { sqlArray } from "../../lib/sql-array";
import { notify } from "./notify";

export interface KpiValueChange {
  kpiId: string;
  periodStart: string;
  before: number | null;
  after: number | null;
}

interface KpiFacts {
  id: string;
  name: string;
  ownerId: string;
  frequency: "weekly" | "monthly" | "quarterly";
  goal: number;
  redFlag: number;
  latest: string | null;
  targets: { periodStart: string; goal: number; redFlag: number }[] | null;
}

/**
 * `kpi_turned_red` to a KPI's owner when a value entered by hand, by CSV or
 * through the API makes its latest period score red, where that period was
 * not red before (no value, or amber or green). Scored with the period's own
 * target when it has one, else the KPI's goal and red flag (the domain's
 * formula). Once per KPI and period (the dedupe key), and never to the owner
 * who entered the value themselves. Computed KPIs are left out: their scores
 * move with their inputs, and are read, not written. KPIs have no team, so the
 * owner is the one to tell. One statement reads every changed KPI, whatever
 * the size of the import. Run inside the transaction that wrote the values.
 */
export async function notifyKpisTurnedRed(
  tx: Executor,
  event: { organizationId: string; actorId: string | null; changes: readonly KpiValueChange[] },
): Promise<void> {
  const written = event.changes.filter((c) => c.after !== null && c.after !== c.before);
  if (written.length === 0) return;
  const kpiIds = [...new Set(written.map((c) => c.kpiId))];
  const result = await tx.execute(sql`
    select k.id, k.name, k.owner_id as "ownerId", k.frequency, k.goal, k.red_flag as "redFlag",
      (select max(a.period_start)::text from kpi_actuals a
        where a.organization_id = k.organization_id and a.kpi_id = k.id) as latest,
      (select json_agg(json_build_object('periodStart', t.period_start, 'goal', t.goal, 'redFlag', t.red_flag))
        from kpi_targets t where t.organization_id = k.organization_id and t.kpi_id = k.id) as targets
    from kpis k
    where k.organization_id = ${event.organizationId} and k.id = any(${sqlArray(kpiIds, "uuid")})
      and k.kind = 'manual' and k.archived_at is null`);
  const byKpi = new Map(written.map((c) => [`${c.kpiId}|${c.periodStart}`, c]));
  for (const kpi of rows<KpiFacts>(result)) {
    if (!kpi.latest || kpi.ownerId === event.actorId) continue;
    const change = byKpi.get(`${kpi.id}|${kpi.latest}`);
    if (!change) continue;
    const target = kpi.targets?.find((t) => t.periodStart === kpi.latest);
    const goal = target?.goal ?? kpi.goal;
    const redFlag = target?.redFlag ?? kpi.redFlag;
    const now = kpiStatus(kpiScore(change.after, goal, redFlag));
    const before = kpiStatus(kpiScore(change.before, goal, redFlag));
    if (now !== "red" || before === "red") continue;
    const period = periodLabel(kpi.latest, kpi.frequency);
    await notify(tx, {
      organizationId: event.organizationId,
      kind: "kpi_turned_red",
      recipients: [{ userId: kpi.ownerId, dedupeKey: `kpi_turned_red:${kpi.id}:${kpi.latest}` }],
      title: `${kpi.name} turned red for ${period}`,
      body: `Its value for ${period}, ${change.after}, scores red against the goal of ${goal}.`,
      link: `/kpis/${kpi.id}`,
      actorId: event.actorId,
      payload: { kpiId: kpi.id, periodStart: kpi.latest, value: change.after },
    });
  }
}

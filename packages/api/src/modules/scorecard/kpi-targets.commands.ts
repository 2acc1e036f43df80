import { and, eq, kpiTargets } from "@meridian/db";
import {
  goalRedFlagError,
  quarterContaining,
  quarterLabel,
  type TKpiRemoveTarget,
  type TKpiSetTarget,
} from "@meridian/domain";
import { activityBy, recordActivity } from "../../lib/activity";
import { invalidInput } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { findManageableKpi } from "./kpi-rows";

/** The override row of one KPI's quarter. */
const targetRow = (organizationId: string, kpiId: string, periodStart: string) =>
  and(
    eq(kpiTargets.organizationId, organizationId),
    eq(kpiTargets.kpiId, kpiId),
    eq(kpiTargets.periodStart, periodStart),
  );

/** A goal / red-flag override for one quarter (any day of it names it). Setting the same values again changes nothing. */
export async function setKpiTarget(scope: OrgScope, input: TKpiSetTarget) {
  return scope.db.transaction(async (tx) => {
    const kpi = await findManageableKpi(tx, scope, input.kpiId);
    const targetError = goalRedFlagError(kpi.direction, input.goal, input.redFlag);
    if (targetError) throw invalidInput("redFlag", targetError);
    const periodStart = quarterContaining(input.periodStart).start;
    const target = { periodStart, goal: input.goal, redFlag: input.redFlag };
    const [existing] = await tx
      .select({ goal: kpiTargets.goal, redFlag: kpiTargets.redFlag })
      .from(kpiTargets)
      .where(targetRow(scope.org.id, kpi.id, periodStart))
      .limit(1);
    if (existing && existing.goal === input.goal && existing.redFlag === input.redFlag) {
      return { ...target, changed: false };
    }
    await tx
      .insert(kpiTargets)
      .values({ organizationId: scope.org.id, kpiId: kpi.id, ...target })
      .onConflictDoUpdate({
        target: [kpiTargets.organizationId, kpiTargets.kpiId, kpiTargets.periodStart],
        set: { goal: input.goal, redFlag: input.redFlag },
      });
    await recordActivity(
      tx,
      activityBy(scope, "kpi", kpi.id, "kpi.target_set", {
        ...target,
        quarter: quarterLabel(periodStart),
        before: existing ?? null,
      }),
    );
    return { ...target, changed: true };
  });
}

/** Drops a quarter's override; the KPI's default goal and red flag apply again. */
export async function removeKpiTarget(scope: OrgScope, input: TKpiRemoveTarget) {
  return scope.db.transaction(async (tx) => {
    const kpi = await findManageableKpi(tx, scope, input.kpiId);
    const periodStart = quarterContaining(input.periodStart).start;
    const removed = await tx
      .delete(kpiTargets)
      .where(targetRow(scope.org.id, kpi.id, periodStart))
      .returning({ goal: kpiTargets.goal, redFlag: kpiTargets.redFlag });
    if (removed.length === 0) return { periodStart, removed: false };
    await recordActivity(
      tx,
      activityBy(scope, "kpi", kpi.id, "kpi.target_removed", {
        periodStart,
        quarter: quarterLabel(periodStart),
        before: removed[0],
      }),
    );
    return { periodStart, removed: true };
  });
}

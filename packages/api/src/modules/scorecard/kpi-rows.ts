import { and, type Executor, eq, isNull, kpis, or, sql } from "@meridian/db";
import { canManageKpi, hasOwnValues } from "@meridian/domain";
import { conflict, forbidden, invalidInput, notFound, preconditionFailed } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { findOrgRow } from "./org-rows";

/** A KPI's stored definition, as the KPI routers read it before a change. */
export const kpiColumns = {
  id: kpis.id,
  name: kpis.name,
  description: kpis.description,
  unit: kpis.unit,
  direction: kpis.direction,
  frequency: kpis.frequency,
  aggregation: kpis.aggregation,
  goal: kpis.goal,
  redFlag: kpis.redFlag,
  ownerId: kpis.ownerId,
  strategicObjectiveId: kpis.strategicObjectiveId,
  weight: kpis.weight,
  kind: kpis.kind,
  inputAId: kpis.inputAId,
  inputBId: kpis.inputBId,
  campaignMeasure: kpis.campaignMeasure,
  campaignChannel: kpis.campaignChannel,
  currency: kpis.currency,
  archivedAt: kpis.archivedAt,
  version: kpis.version,
};

/** A KPI of this organization; another organization's, or none, is NOT_FOUND. */
export function findKpi(tx: Executor, organizationId: string, kpiId: string) {
  return findOrgRow(tx, kpis, kpiColumns, organizationId, kpiId, "No such KPI.");
}
export type KpiRow = Awaited<ReturnType<typeof findKpi>>;

/** A live KPI the caller may change (admins any, managers their own); archived ones are read-only. */
export async function findManageableKpi(tx: Executor, scope: OrgScope, kpiId: string) {
  const kpi = await findKpi(tx, scope.org.id, kpiId);
  requireKpiManager(scope, kpi.ownerId);
  if (kpi.archivedAt) throw preconditionFailed(`${kpi.name} is archived and can no longer change.`);
  return kpi;
}

function requireKpiManager(scope: OrgScope, kpiOwnerId: string) {
  if (!canManageKpi({ role: scope.org.role, userId: scope.user.id, kpiOwnerId })) {
    throw forbidden("Managers can change only the KPIs they own.");
  }
}

/**
 * The inputs of a computed KPI: live KPIs of the organization with values of their own
 * (entered, or fed by campaigns: marketing ROI from campaign revenue and spend), not the KPI itself. Another organization's KPI does not exist for the caller.
 */
export async function requireComputedInputs(
  tx: Executor,
  organizationId: string,
  inputs: { inputAId: string; inputBId: string },
  selfId: string | null,
) {
  for (const field of ["inputAId", "inputBId"] as const) {
    const id = inputs[field];
    if (id === selfId) throw invalidInput(field, "A KPI cannot be computed from itself.");
    const [input] = await tx
      .select({ name: kpis.name, kind: kpis.kind, archivedAt: kpis.archivedAt })
      .from(kpis)
      .where(and(eq(kpis.id, id), eq(kpis.organizationId, organizationId)))
      .limit(1);
    if (!input) throw notFound("No such input KPI.");
    if (!hasOwnValues(input.kind)) {
      throw invalidInput(
        field,
        `${input.name} is itself computed; choose a KPI whose values are entered or fed by campaigns.`,
      );
    }
    if (input.archivedAt) throw invalidInput(field, `${input.name} is archived; choose a live KPI.`);
  }
}

/** Live computed KPIs that use `kpiId` as an input. */
export async function computedKpisUsing(tx: Executor, organizationId: string, kpiId: string) {
  return tx
    .select({ id: kpis.id, name: kpis.name })
    .from(kpis)
    .where(
      and(
        eq(kpis.organizationId, organizationId),
        isNull(kpis.archivedAt),
        or(eq(kpis.inputAId, kpiId), eq(kpis.inputBId, kpiId)),
      ),
    )
    .orderBy(kpis.name);
}

/** Names are unique per organization, archived KPIs included (a unique index holds it). */
export async function requireFreeKpiName(tx: Executor, organizationId: string, name: string, selfId: string | null) {
  const [taken] = await tx
    .select({ id: kpis.id, archivedAt: kpis.archivedAt })
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), sql`lower(${kpis.name}) = lower(${name})`))
    .limit(1);
  if (taken && taken.id !== selfId) {
    throw conflict(
      taken.archivedAt
        ? `An archived KPI is already named "${name}". Choose another name.`
        : `A KPI named "${name}" already exists. Choose another name.`,
    );
  }
}

import { and, type Executor, eq, isNull, kpis, or, sql } from "@meridian/db";
import { canManageKpi } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { invalidInput } from "../../lib/errors";
import type { OrgContext } from "../../trpc";

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
  archivedAt: kpis.archivedAt,
  version: kpis.version,
};

/** A KPI of this organization; another organization's, or none, is NOT_FOUND. */
export async function findKpi(tx: Executor, organizationId: string, kpiId: string) {
  const [row] = await tx
    .select(kpiColumns)
    .from(kpis)
    .where(and(eq(kpis.id, kpiId), eq(kpis.organizationId, organizationId)))
    .limit(1);
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such KPI." });
  return row;
}
export type KpiRow = Awaited<ReturnType<typeof findKpi>>;

/** A live KPI the caller may change (admins any, managers their own); archived ones are read-only. */
export async function findManageableKpi(tx: Executor, ctx: OrgContext, kpiId: string) {
  const kpi = await findKpi(tx, ctx.org.id, kpiId);
  requireKpiManager(ctx, kpi.ownerId);
  if (kpi.archivedAt) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: `${kpi.name} is archived and can no longer change.` });
  }
  return kpi;
}

export function requireKpiManager(ctx: OrgContext, kpiOwnerId: string) {
  if (!canManageKpi({ role: ctx.org.role, userId: ctx.user.id, kpiOwnerId })) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Managers can change only the KPIs they own." });
  }
}

/**
 * The inputs of a computed KPI: live, entered KPIs of the organization, not the
 * KPI itself. Another organization's KPI does not exist for the caller.
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
    if (!input) throw new TRPCError({ code: "NOT_FOUND", message: "No such input KPI." });
    if (input.kind !== "manual") {
      throw invalidInput(field, `${input.name} is itself computed; choose a KPI whose values are entered.`);
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
    throw new TRPCError({
      code: "CONFLICT",
      message: taken.archivedAt
        ? `An archived KPI is already named "${name}". Choose another name.`
        : `A KPI named "${name}" already exists. Choose another name.`,
    });
  }
}

import { and, count, type Executor, eq, inArray, isNotNull, objectives } from "@meridian/db";

/**
 * How many OKR objectives align to each strategic objective. Only public,
 * published ones (active or closed) count, so the number is the same for every
 * viewer and never hints at a private objective or a draft.
 */
export async function alignedOkrCounts(db: Executor, organizationId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ strategicObjectiveId: objectives.strategicObjectiveId, n: count() })
    .from(objectives)
    .where(
      and(
        eq(objectives.organizationId, organizationId),
        isNotNull(objectives.strategicObjectiveId),
        eq(objectives.visibility, "public"),
        inArray(objectives.status, ["active", "closed"]),
      ),
    )
    .groupBy(objectives.strategicObjectiveId);
  return new Map(rows.flatMap((r) => (r.strategicObjectiveId ? [[r.strategicObjectiveId, r.n] as const] : [])));
}

import { and, cycles, eq } from "@meridian/db";
import { expectedByNow, pickCurrentCycle } from "@meridian/domain";
import { notFound } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { type CycleView, cycleColumns, cyclesOf, toCycleView } from "./cycles.queries";

export interface CycleInView {
  cycle: CycleView;
  /** How much of the cycle has elapsed: what progress is measured against. */
  expected: number;
}

/** The requested cycle (NOT_FOUND if it is not this organization's), or the current one; null without cycles. */
export async function cycleInView(
  scope: OrgScope,
  cycleId: string | undefined,
  now: Date,
): Promise<CycleInView | null> {
  let cycle: CycleView | undefined;
  if (cycleId && scope.cycles) {
    const known = scope.cycles.find((c) => c.id === cycleId);
    if (!known) throw notFound("No such cycle.");
    cycle = toCycleView(known);
  } else if (cycleId) {
    const [row] = await scope.db
      .select(cycleColumns)
      .from(cycles)
      .where(and(eq(cycles.organizationId, scope.org.id), eq(cycles.id, cycleId)))
      .limit(1);
    if (!row) throw notFound("No such cycle.");
    cycle = toCycleView(row);
  } else {
    cycle = pickCurrentCycle(await cyclesOf(scope), now) ?? undefined;
  }
  return cycle ? { cycle, expected: expectedByNow(cycle.start, cycle.end, now) } : null;
}

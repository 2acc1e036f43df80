import { cycles as cyclesTable, type Database, desc, eq } from "@meridian/db";
import { type CycleStatus, type CycleWindow, pickCurrentCycle } from "@meridian/domain";
import type { OrgScope } from "../../lib/scope";

export interface CycleView extends CycleWindow {
  id: string;
  name: string;
  /** Inclusive calendar dates, "YYYY-MM-DD". */
  startsOn: string;
  endsOn: string;
  status: CycleStatus;
  version: number;
}

/** What a cycle is read as, everywhere in the module. */
export const cycleColumns = {
  id: cyclesTable.id,
  name: cyclesTable.name,
  startsOn: cyclesTable.startsOn,
  endsOn: cyclesTable.endsOn,
  status: cyclesTable.status,
  version: cyclesTable.version,
};

const DAY_MS = 86_400_000;
const startOfDay = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

export async function loadCycles(db: Database, organizationId: string): Promise<CycleView[]> {
  const rows = await db
    .select(cycleColumns)
    .from(cyclesTable)
    .where(eq(cyclesTable.organizationId, organizationId))
    .orderBy(desc(cyclesTable.startsOn));
  return rows.map(toCycleView);
}

/** A cycle row with the instants its window opens and closes (the end date is inclusive). */
export function toCycleView(cycle: Omit<CycleView, "start" | "end">): CycleView {
  return { ...cycle, ...cycleInstants(cycle.startsOn, cycle.endsOn) };
}

/** The instants a cycle's window opens and closes: the start of its first day, the end of its last. */
export function cycleInstants(startsOn: string, endsOn: string): { start: Date; end: Date } {
  return { start: startOfDay(startsOn), end: new Date(startOfDay(endsOn).getTime() + DAY_MS) };
}

/** The organization's cycles, newest first. */
export function listCycles(scope: OrgScope): Promise<CycleView[]> {
  return cyclesOf(scope);
}

/** The cycle the organization is in today (see `pickCurrentCycle`), or null without cycles. */
export async function currentCycle(scope: OrgScope): Promise<CycleView | null> {
  return pickCurrentCycle(await cyclesOf(scope), new Date());
}

/** The organization's cycles, newest first: those the request read with its membership, or read now. */
export async function cyclesOf(scope: OrgScope): Promise<CycleView[]> {
  return scope.cycles ? scope.cycles.map(toCycleView) : loadCycles(scope.db, scope.org.id);
}

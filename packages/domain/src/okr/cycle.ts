export const CYCLE_STATUSES = ["planning", "open", "closed"] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export interface CycleWindow {
  /** Start of the cycle's first day. */
  start: Date;
  /** End of the cycle's last day (exclusive instant). */
  end: Date;
  status: CycleStatus;
}

/**
 * The cycle a dashboard shows by default: the open cycle whose dates contain
 * `now`, else the open one that started last, else the latest of any status.
 */
export function pickCurrentCycle<C extends CycleWindow>(cycles: readonly C[], now: Date): C | null {
  const t = now.getTime();
  const byStartDesc = [...cycles].sort((a, b) => b.start.getTime() - a.start.getTime());
  const open = byStartDesc.filter((c) => c.status === "open");
  return open.find((c) => c.start.getTime() <= t && t < c.end.getTime()) ?? open[0] ?? byStartDesc[0] ?? null;
}

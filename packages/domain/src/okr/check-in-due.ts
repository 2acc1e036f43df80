/**
 * When a key result's check-in is due: its owner checks in weekly, so a check-in is due once the
 * last one is more than a week old, or there is none yet. My OKRs' due list, the weekly check-in
 * queue (whose SQL filters with `checkInDueBefore`) and a team's stale key results read this rule.
 */
export const CHECK_IN_INTERVAL_MS = 7 * 86_400_000;

/** Check-ins older than this instant no longer count for the week: the key result is due again. */
export function checkInDueBefore(now: Date): Date {
  return new Date(now.getTime() - CHECK_IN_INTERVAL_MS);
}

/** Whether a check-in from `lastCheckInAt` (null: never) leaves the key result due at `now`. */
export function isCheckInStale(lastCheckInAt: Date | null, now: Date): boolean {
  return lastCheckInAt === null || lastCheckInAt.getTime() < checkInDueBefore(now).getTime();
}

/** Due from this person: they may check in on it, and its last check-in is stale. */
export function isCheckInDue(kr: { canCheckIn: boolean; lastCheckInAt: Date | null }, now: Date): boolean {
  return kr.canCheckIn && isCheckInStale(kr.lastCheckInAt, now);
}

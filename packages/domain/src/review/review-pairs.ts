import type { CycleStatus } from "../okr/cycle";

/** A cycle and a scope (a team, or null for the whole organization): there is one review per pair. */
export interface ReviewPair {
  cycleId: string;
  teamId: string | null;
}

export interface CycleToReview {
  id: string;
  status: CycleStatus;
  /** ISO date of the cycle's first day. */
  startsOn: string;
}

/**
 * The cycles in the order a review is most likely wanted: the latest closed
 * one (the quarter just ended), then the open ones, then the older closed ones,
 * then those still in planning; newest first within each.
 */
export function cyclesInReviewOrder<C extends CycleToReview>(cycles: readonly C[]): C[] {
  const newestFirst = [...cycles].sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0));
  const latestClosed = newestFirst.find((c) => c.status === "closed");
  const rank = (c: C) => (c === latestClosed ? 0 : c.status === "open" ? 1 : c.status === "closed" ? 2 : 3);
  return newestFirst
    .map((cycle, index) => ({ cycle, index }))
    .sort((a, b) => rank(a.cycle) - rank(b.cycle) || a.index - b.index)
    .map(({ cycle }) => cycle);
}

const pairKey = (p: ReviewPair) => `${p.cycleId}|${p.teamId ?? ""}`;

/**
 * The first cycle × scope that has no review yet, so that the open form never
 * starts on a pair that would be refused as a duplicate: cycles in
 * `cyclesInReviewOrder`, and in each the whole organization first, then the
 * teams in the order given. Null when every pair has its review.
 */
export function firstUnreviewedPair(
  cycles: readonly CycleToReview[],
  teamIds: readonly string[],
  reviewed: readonly ReviewPair[],
): ReviewPair | null {
  const taken = new Set(reviewed.map(pairKey));
  for (const cycle of cyclesInReviewOrder(cycles)) {
    for (const teamId of [null, ...teamIds]) {
      const pair = { cycleId: cycle.id, teamId };
      if (!taken.has(pairKey(pair))) return pair;
    }
  }
  return null;
}

/** Whether the pair has its review already. */
export function isReviewed(reviewed: readonly ReviewPair[], pair: ReviewPair): boolean {
  const key = pairKey(pair);
  return reviewed.some((p) => pairKey(p) === key);
}

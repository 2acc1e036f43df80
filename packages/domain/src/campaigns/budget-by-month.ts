import type { Period } from "../scorecard/periods";

const DAY_MS = 86_400_000;
/**
 * Days since the epoch of a "YYYY-MM-DD" date, remembered: the marketing dashboard spreads every
 * campaign of a quarter over each of its months (eight dates per call, a few hundred distinct ones),
 * and parsing them again each time was most of its time.
 */
const dayNumbers = new Map<string, number>();
function dayNumber(iso: string): number {
  let day = dayNumbers.get(iso);
  if (day === undefined) {
    day = Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
    if (dayNumbers.size >= 10_000) dayNumbers.clear();
    dayNumbers.set(iso, day);
  }
  return day;
}

/** Days of [start, end] (inclusive) that fall within `period`; 0 when they do not meet. */
export function overlapDays(start: string, end: string, period: Period): number {
  const from = Math.max(dayNumber(start), dayNumber(period.start));
  const to = Math.min(dayNumber(end), dayNumber(period.end));
  return to < from ? 0 : to - from + 1;
}

/**
 * The share of a campaign's budget planned for `period`, spread evenly over its
 * days (a budget of 3,000 over 30 days plans 100 a day). Blank without a budget.
 */
export function budgetWithin(
  campaign: { startsOn: string; endsOn: string; budget: number | null },
  period: Period,
): number | null {
  if (campaign.budget === null) return null;
  const days = overlapDays(campaign.startsOn, campaign.endsOn, { start: campaign.startsOn, end: campaign.endsOn });
  if (days === 0) return null;
  return (campaign.budget * overlapDays(campaign.startsOn, campaign.endsOn, period)) / days;
}

/** Quarter arithmetic on UTC calendar dates ("YYYY-MM-DD"), for seeding cycles. */

export interface DateRange {
  startsOn: string;
  endsOn: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function quarterContaining(now: Date, offset = 0): DateRange & { name: string } {
  const q = Math.floor(now.getUTCMonth() / 3) + offset;
  const year = now.getUTCFullYear() + Math.floor(q / 4);
  const quarter = ((q % 4) + 4) % 4;
  const start = new Date(Date.UTC(year, quarter * 3, 1));
  const end = new Date(Date.UTC(year, quarter * 3 + 3, 0));
  return { name: `Q${quarter + 1} ${year}`, startsOn: iso(start), endsOn: iso(end) };
}

/** Midnight UTC at the start of the day, as a Date. */
export const startOfDay = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);
/** The instant a date range ends: the start of the day after its last day. */
export const endOfRange = (isoDate: string) => new Date(startOfDay(isoDate).getTime() + 86_400_000);

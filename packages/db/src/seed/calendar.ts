/** Instants of UTC calendar dates ("YYYY-MM-DD"), for seeding history; quarters come from the domain's periods. */

/** Midnight UTC at the start of the day, as a Date. */
export const startOfDay = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);
/** The instant a date range ends: the start of the day after its last day. */
export const endOfRange = (isoDate: string) => new Date(startOfDay(isoDate).getTime() + 86_400_000);

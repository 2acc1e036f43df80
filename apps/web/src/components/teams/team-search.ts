/*
 * The inputs the team picker sends, in a module of their own so that a page's server-side prefetch asks
 * with exactly the input the browser will (and so hands it the answer).
 */

/** How many matches the picker offers: enough to choose from, never the whole organization's teams. */
export const TEAM_MATCHES = 30;

/** The first page of teams the picker offers for a search (`q` as typed, trimmed), in tree order. */
export const teamSearchInput = (q: string) => ({ ...(q ? { q } : {}), limit: TEAM_MATCHES });

/** The lookup that names the team a picker holds. */
export const teamLookupInput = (id: string) => ({ ids: [id] });

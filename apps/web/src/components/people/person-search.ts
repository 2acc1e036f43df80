/*
 * The inputs the person picker sends, in a module of their own so that a page's server-side
 * prefetch asks with exactly the input the browser will (and so hands it the answer).
 */

/** How many matches the picker offers: enough to choose from, never the whole organization. */
export const PERSON_MATCHES = 30;

/**
 * The first page of people the picker offers for a search (`q` as typed, trimmed); with `teamIds`,
 * among the people of those teams only (a manager's owner candidates).
 */
export const personSearchInput = (q: string, teamIds?: readonly string[]) => ({
  ...(q ? { q } : {}),
  limit: PERSON_MATCHES,
  ...(teamIds ? { teamIds: [...teamIds] } : {}),
});

/** The lookup that names the person a picker holds. */
export const personLookupInput = (id: string) => ({ ids: [id] });

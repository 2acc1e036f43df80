/** Teams of the tree per page, shared by the server's prefetch and the browser. */
export const TEAM_TREE_PAGE = 50;

export const teamTreeInput = (q: string) => ({ ...(q ? { q } : {}), limit: TEAM_TREE_PAGE });

export const nextTeamPage = (page: { nextCursor: string | null }) => page.nextCursor;

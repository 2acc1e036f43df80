import type { ReviewOutline } from "~/components/review/types";

// What of a review the page shows open when it arrives, decided alike by the server's prefetch and the
// browser: a company's review holds thousands of KPIs and OKR objectives, so its first answer carries the
// outline and the first sections, and each other section loads when it is opened.

/** KPIs shown with the first answer, at most (the first objective's always). */
export const FIRST_KPIS = 25;
/** Strategic objectives listed with the first answer, at most (the first perspective's always). */
export const FIRST_OBJECTIVES = 30;
/** KPIs read at a time for one objective (or for those linked to none). */
export const KPI_PAGE = 50;
/** OKR objectives read at a time. */
export const OKR_PAGE = 25;

export interface OpenAtFirst {
  perspectives: Set<string>;
  /** Strategic objectives whose KPIs come with the page; the key `null` is for the KPIs linked to none. */
  objectives: Set<string | null>;
}

/** The perspectives and objectives open on arrival: in reading order, while they fit the budgets above. */
export function openAtFirst(outline: ReviewOutline): OpenAtFirst {
  const perspectives = new Set<string>();
  const objectives = new Set<string | null>();
  let listed = 0;
  let kpis = 0;
  for (const p of outline.scorecard.perspectives) {
    listed += p.objectives.length;
    if (perspectives.size > 0 && listed > FIRST_OBJECTIVES) break;
    perspectives.add(p.id);
    for (const o of p.objectives) {
      kpis += o.kpiCount;
      if (objectives.size > 0 && kpis > FIRST_KPIS) break;
      objectives.add(o.id);
    }
    if (kpis > FIRST_KPIS) break;
  }
  const everyPerspective = perspectives.size === outline.scorecard.perspectives.length;
  if (everyPerspective && kpis + outline.scorecard.unlinkedKpiIds.length <= FIRST_KPIS) objectives.add(null);
  return { perspectives, objectives };
}

export const kpiPageInput = (reviewId: string, objectiveId: string | null) => ({
  reviewId,
  objectiveId,
  limit: KPI_PAGE,
});
export const okrPageInput = (reviewId: string) => ({ reviewId, limit: OKR_PAGE });
export const nextPage = (page: { nextCursor: string | null }) => page.nextCursor;

import { kpiStatus, weightedScore } from "../scorecard/kpi-score";
import type { ScorecardResult } from "../scorecard/score-scorecard";

/** What belongs to a team, by id: the strategic objectives and the KPIs it has a hand in. */
export interface ScorecardPartSelection {
  /** Strategic objectives the team's people own or the team's OKR objectives align to. */
  objectiveIds: ReadonlySet<string>;
  /** KPIs the team's people own. */
  kpiIds: ReadonlySet<string>;
}

/**
 * A team's part of the scored scorecard (ADR 0022): each strategic objective
 * it has a hand in — selected, or measured by a KPI it owns — whole, with all
 * its KPIs and the score it has in the organization's scorecard; the
 * perspectives holding one, scored over those objectives only; the unlinked
 * KPIs it owns. Perspectives with none of its objectives are left out.
 */
export function scorecardPart(scorecard: ScorecardResult, selection: ScorecardPartSelection): ScorecardResult {
  const perspectives = scorecard.perspectives.flatMap((p) => {
    const objectives = p.objectives.filter(
      (o) => selection.objectiveIds.has(o.id) || o.kpis.some((k) => selection.kpiIds.has(k.id)),
    );
    if (objectives.length === 0) return [];
    const score = weightedScore(objectives);
    return [{ ...p, score, status: kpiStatus(score), objectives }];
  });
  const score = weightedScore(perspectives);
  return {
    period: scorecard.period,
    score,
    status: kpiStatus(score),
    perspectives,
    unlinkedKpis: scorecard.unlinkedKpis.filter((k) => selection.kpiIds.has(k.id)),
  };
}

import { type Database, eq, kpis, objectives, teams } from "@meridian/db";
import {
  buildReviewSnapshot,
  expectedByNow,
  type KpiPresentation,
  quarterContaining,
  type ReviewSnapshot,
  type SnapshotOkr,
  scorecardPart,
  scoreScorecard,
  todayIso,
  type Viewer,
} from "@meridian/domain";
import type { CycleView } from "../okr/cycles.queries";
import { gradeOf, keyResultViews, summaryPage } from "../okr/objective-summaries";
import { loadScorecard } from "../scorecard/load-scorecard";
import { teamScorecardSelection } from "./team-scorecard";

/**
 * Whom the review's OKR table is written for: someone who sees only public,
 * non-draft objectives. A review is read by viewers, so it holds nothing a viewer may not see.
 */
const PUBLIC_READER: Viewer = {
  role: "viewer",
  userId: "00000000-0000-0000-0000-000000000000",
  teamIds: new Set(),
  ledTeamIds: new Set(),
};

/**
 * The review's snapshot, taken now: the scorecard scored for the quarter holding
 * the cycle's start (with the same load and scoring as every scorecard view),
 * and the cycle's OKR progress as every OKR view reads it. A team review holds
 * the objectives of that team and its sub-teams, and its part of the scorecard
 * (`scorecardPart`, ADR 0022); the stored shape is the same for every scope.
 */
export async function takeReviewSnapshot(
  db: Database,
  organizationId: string,
  cycle: CycleView,
  teamId: string | null,
  now: Date,
): Promise<ReviewSnapshot> {
  const reader = {
    db,
    org: { id: organizationId, role: PUBLIC_READER.role },
    user: { id: PUBLIC_READER.userId },
    viewer: PUBLIC_READER,
  };
  const [index, kpiRows, cycleObjectives, teamRows] = await Promise.all([
    loadScorecard(db, organizationId, { window: quarterContaining(cycle.startsOn) }),
    db
      .select({ id: kpis.id, unit: kpis.unit, direction: kpis.direction, kind: kpis.kind })
      .from(kpis)
      .where(eq(kpis.organizationId, organizationId)),
    summaryPage(reader, expectedByNow(cycle.start, cycle.end, now), eq(objectives.cycleId, cycle.id), { limit: null }),
    teamId
      ? db
          .select({ id: teams.id, parentId: teams.parentId })
          .from(teams)
          .where(eq(teams.organizationId, organizationId))
      : Promise.resolve([]),
  ]);

  const wholeScorecard = scoreScorecard(index, quarterContaining(cycle.startsOn), todayIso(now));
  const presentation = new Map<string, KpiPresentation>(
    kpiRows.map((k) => [k.id, { unit: k.unit, direction: k.direction, kind: k.kind }]),
  );

  const inScope = teamId ? teamAndDescendants(teamId, teamRows) : null;
  const expected = expectedByNow(cycle.start, cycle.end, now);
  const shown = cycleObjectives.items.filter((node) => !inScope || (node.team !== null && inScope.has(node.team.id)));
  // Each objective's grade, from its key results, as objectives.get serves it.
  const keyResultsOf = await keyResultViews(
    reader,
    cycle,
    expected,
    shown.map((node) => ({ id: node.id, status: node.status, teamId: node.team?.id ?? null })),
  );
  const scorecard = inScope
    ? scorecardPart(
        wholeScorecard,
        await teamScorecardSelection(
          db,
          organizationId,
          [...inScope],
          shown.map((node) => node.id),
        ),
      )
    : wholeScorecard;
  const okrs: SnapshotOkr[] = shown.map((node) => ({
    id: node.id,
    title: node.title,
    level: node.level,
    team: node.team?.name ?? null,
    owner: node.owner.name,
    progress: node.progress,
    expected,
    status: node.progressStatus,
    grade: gradeOf(keyResultsOf.get(node.id) ?? []),
  }));

  return buildReviewSnapshot({ takenAt: now, scorecard, kpis: presentation, okrs });
}

function teamAndDescendants(rootId: string, rows: readonly { id: string; parentId: string | null }[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.parentId) continue;
    const list = children.get(r.parentId) ?? [];
    list.push(r.id);
    children.set(r.parentId, list);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop() as string;
    if (out.has(id)) continue; // a loop in the tree must not hang the snapshot
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

import {
  activityLog,
  and,
  asc,
  checkIns,
  comments,
  desc,
  eq,
  inArray,
  or,
  perspectives,
  strategicObjectives,
  users,
} from "@meridian/db";
import {
  can,
  canPublishObjective,
  canWriteObjective,
  pickCurrentCycle,
  type ZDashboardInputSchema,
  type ZObjectiveIdSchema,
  type ZObjectiveListSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { notFound } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { loadCycles } from "./cycles.queries";
import { loadDashboard } from "./dashboard.queries";
import { flatten, myOkrs, teamAttention } from "./home.queries";
import { findVisibleObjective } from "./objective-rows";

/** The requested cycle's dashboard (NOT_FOUND if it is not this organization's) or the current one's. */
async function dashboardFor(scope: ViewerScope, cycleId: string | undefined, now: Date) {
  const cycles = await loadCycles(scope.db, scope.org.id);
  const cycle = cycleId ? cycles.find((c) => c.id === cycleId) : pickCurrentCycle(cycles, now);
  if (cycleId && !cycle) throw notFound("No such cycle.");
  return cycle ? loadDashboard(scope.db, scope.org.id, scope.viewer, cycle, now) : null;
}

/** The cycle's objectives the caller may see, as an alignment tree with progress and status. */
export function getDashboard(scope: ViewerScope, input: z.output<typeof ZDashboardInputSchema>) {
  return dashboardFor(scope, input.cycleId, new Date());
}

/** My OKRs: what the caller owns in the current cycle and the check-ins due from them. */
export async function getMyOkrs(scope: ViewerScope) {
  const now = new Date();
  const dashboard = await dashboardFor(scope, undefined, now);
  return dashboard ? myOkrs(dashboard, scope.user.id, now) : null;
}

/** The teams the caller leads: their objectives, and what needs attention. */
export async function getTeamAttention(scope: ViewerScope) {
  const now = new Date();
  const dashboard = await dashboardFor(scope, undefined, now);
  return dashboard ? teamAttention(dashboard, scope.viewer.ledTeamIds, now) : null;
}

/** A flat, filtered list of the cycle's visible objectives: the Company and Team OKR views. */
export async function listObjectives(scope: ViewerScope, input: z.output<typeof ZObjectiveListSchema>) {
  const dashboard = await dashboardFor(scope, input.cycleId, new Date());
  if (!dashboard) return null;
  const q = input.q?.toLowerCase();
  const objectives = flatten(dashboard.roots)
    .filter((o) => !input.teamId || o.team?.id === input.teamId)
    .filter((o) => !input.ownerId || o.owner.id === input.ownerId)
    .filter((o) => !input.level || o.level === input.level)
    .filter((o) => !input.status || o.status === input.status)
    .filter((o) => !input.atRisk || o.progressStatus === "at_risk" || o.progressStatus === "off_track")
    .filter(
      (o) =>
        !q ||
        o.title.toLowerCase().includes(q) ||
        o.description.toLowerCase().includes(q) ||
        o.keyResults.some((kr) => kr.title.toLowerCase().includes(q)),
    )
    .map((o) => ({ ...o, children: [] }));
  return { cycle: dashboard.cycle, expected: dashboard.expected, objectives };
}

/** One objective with its key results, check-in history, comments, activity and what the caller may do. */
export async function getObjective(scope: ViewerScope, input: z.output<typeof ZObjectiveIdSchema>) {
  const { viewer } = scope;
  const organizationId = scope.org.id;
  const row = await findVisibleObjective(scope.db, organizationId, viewer, input.objectiveId);
  const dashboard = await dashboardFor(scope, row.cycleId, new Date());
  const all = dashboard ? flatten(dashboard.roots) : [];
  const node = all.find((o) => o.id === row.id);
  if (!dashboard || !node) return null;
  const krIds = node.keyResults.map((kr) => kr.id);
  const [history, discussion, activity, strategic] = await Promise.all([
    krIds.length
      ? scope.db
          .select({
            id: checkIns.id,
            keyResultId: checkIns.keyResultId,
            value: checkIns.value,
            confidence: checkIns.confidence,
            comment: checkIns.comment,
            createdAt: checkIns.createdAt,
            editedAt: checkIns.editedAt,
            authorId: checkIns.authorId,
            authorName: users.name,
          })
          .from(checkIns)
          .innerJoin(users, eq(users.id, checkIns.authorId))
          .where(and(eq(checkIns.organizationId, organizationId), inArray(checkIns.keyResultId, krIds)))
          .orderBy(asc(checkIns.createdAt))
      : [],
    scope.db
      .select({
        id: comments.id,
        keyResultId: comments.keyResultId,
        body: comments.body,
        createdAt: comments.createdAt,
        authorName: users.name,
      })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(and(eq(comments.organizationId, organizationId), eq(comments.objectiveId, row.id)))
      .orderBy(asc(comments.createdAt)),
    scope.db
      .select({
        id: activityLog.id,
        action: activityLog.action,
        entityType: activityLog.entityType,
        entityId: activityLog.entityId,
        details: activityLog.details,
        createdAt: activityLog.createdAt,
        actorName: users.name,
      })
      .from(activityLog)
      .leftJoin(users, eq(users.id, activityLog.actorId))
      .where(
        and(
          eq(activityLog.organizationId, organizationId),
          or(
            and(eq(activityLog.entityType, "objective"), eq(activityLog.entityId, row.id)),
            krIds.length
              ? and(eq(activityLog.entityType, "key_result"), inArray(activityLog.entityId, krIds))
              : undefined,
          ),
        ),
      )
      .orderBy(desc(activityLog.createdAt))
      .limit(100),
    // The scorecard's strategic objective this objective contributes to.
    row.strategicObjectiveId
      ? scope.db
          .select({
            id: strategicObjectives.id,
            name: strategicObjectives.name,
            perspectiveName: perspectives.name,
          })
          .from(strategicObjectives)
          .innerJoin(perspectives, eq(perspectives.id, strategicObjectives.perspectiveId))
          .where(
            and(
              eq(strategicObjectives.organizationId, organizationId),
              eq(strategicObjectives.id, row.strategicObjectiveId),
            ),
          )
          .limit(1)
      : [],
  ]);
  const parent = row.parentId ? all.find((o) => o.id === row.parentId) : undefined;
  return {
    objective: { ...node, children: node.children.map((c) => ({ ...c, children: [] })) },
    cycle: dashboard.cycle,
    expected: dashboard.expected,
    parent: parent ? { id: parent.id, title: parent.title } : null,
    strategicObjective: strategic[0] ?? null,
    checkIns: history,
    comments: discussion,
    activity,
    can: {
      edit: canWriteObjective(viewer, row) && dashboard.cycle.status !== "closed",
      publish: row.status === "draft" && canPublishObjective(viewer, row),
      grade:
        dashboard.cycle.status === "closed" &&
        (canWriteObjective(viewer, row) || node.keyResults.some((kr) => kr.owner.id === scope.user.id)),
      comment: can(scope.org.role, "comment.create"),
    },
  };
}

import { and, eq, keyResults, ne, objectives, sql } from "@meridian/db";
import { CHECK_IN_INTERVAL_MS } from "@meridian/domain";
import type { ViewerScope } from "../../lib/scope";
import { sqlArray } from "../../lib/sql-array";
import { cycleInView } from "./cycle-in-view";
import { type KeyResultView, nodePage, type ObjectiveNode } from "./objective-summaries";

// A check-in is due when the last one is more than a week old, or there is none yet: the rule lives in
// domain (notifications/schedule.ts), where the scheduled reminders ask it too.
export { CHECK_IN_INTERVAL_MS };

/** What one person's or one team's home shows is theirs alone, but never unbounded. */
const HOME_LIMIT = 200;

export function isCheckInDue(kr: KeyResultView, now: Date): boolean {
  return (
    kr.canCheckIn && (kr.lastCheckInAt === null || now.getTime() - kr.lastCheckInAt.getTime() > CHECK_IN_INTERVAL_MS)
  );
}

export interface DueCheckIn {
  keyResult: KeyResultView;
  objective: { id: string; title: string };
}

/** What a member sees first: the objectives they own and the check-ins due from them this week. */
export async function getMyOkrs(scope: ViewerScope) {
  const now = new Date();
  const view = await cycleInView(scope, undefined, now);
  if (!view) return null;
  const { cycle, expected } = view;
  const me = scope.user.id;
  const inCycle = eq(objectives.cycleId, cycle.id);
  const ownsAKeyResult = sql`exists (
    select 1 from ${keyResults}
    where ${keyResults.organizationId} = ${objectives.organizationId} and ${keyResults.objectiveId} = ${objectives.id}
      and ${keyResults.archivedAt} is null and ${keyResults.ownerId} = ${me})`;
  const [owned, others] = await Promise.all([
    nodePage(scope, cycle, expected, and(inCycle, eq(objectives.ownerId, me)), { limit: HOME_LIMIT }),
    nodePage(scope, cycle, expected, and(inCycle, ne(objectives.ownerId, me), ownsAKeyResult), { limit: HOME_LIMIT }),
  ]);
  const nodes = [...owned.items, ...others.items];
  const mine = nodes.filter((o) => o.owner.id === me);
  const elsewhere = nodes.filter((o) => o.owner.id !== me).flatMap((o) => keyResultsOf(o, me));
  return {
    cycle,
    expected,
    objectives: mine,
    /** Key results I own inside objectives someone else owns. */
    keyResultsElsewhere: elsewhere,
    dueCheckIns: [...mine.flatMap((o) => keyResultsOf(o, me)), ...elsewhere].filter((d) =>
      isCheckInDue(d.keyResult, now),
    ),
  };
}

function keyResultsOf(objective: ObjectiveNode, ownerId: string): DueCheckIn[] {
  return objective.keyResults
    .filter((kr) => kr.owner.id === ownerId)
    .map((kr) => ({ keyResult: kr, objective: { id: objective.id, title: objective.title } }));
}

export interface AttentionItem {
  objectiveId: string;
  title: string;
  teamName: string | null;
  reason: string;
}

/** What a manager sees first: their teams' objectives, and the ones that need a word. */
export async function getTeamAttention(scope: ViewerScope) {
  const now = new Date();
  const view = await cycleInView(scope, undefined, now);
  if (!view) return null;
  const { cycle, expected } = view;
  const led = [...scope.viewer.ledTeamIds];
  const page = led.length
    ? await nodePage(
        scope,
        cycle,
        expected,
        and(eq(objectives.cycleId, cycle.id), sql`${objectives.teamId} = any(${sqlArray(led, "uuid")})`),
        { limit: HOME_LIMIT },
      )
    : { items: [] };
  const all = page.items;
  const attention: AttentionItem[] = [];
  for (const o of all) {
    const base = { objectiveId: o.id, title: o.title, teamName: o.team?.name ?? null };
    if (o.status === "draft") attention.push({ ...base, reason: "Draft waiting to be published" });
    else if (o.progressStatus === "off_track") attention.push({ ...base, reason: "Off track" });
    else if (o.progressStatus === "at_risk") attention.push({ ...base, reason: "At risk" });
    else if (o.progressStatus === "no_data") attention.push({ ...base, reason: "No check-ins yet" });
    const stale = o.keyResults.filter(
      (kr) => kr.lastCheckInAt && now.getTime() - kr.lastCheckInAt.getTime() > CHECK_IN_INTERVAL_MS,
    );
    if (stale.length) attention.push({ ...base, reason: `${stale.length} key result(s) without a check-in this week` });
  }
  return { cycle, expected, objectives: all, attention };
}

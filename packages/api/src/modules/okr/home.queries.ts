import type { Dashboard, KeyResultView, ObjectiveNode } from "./dashboard.queries";

/** A check-in is due when the last one is more than a week old, or there is none yet. */
export const CHECK_IN_INTERVAL_MS = 7 * 86_400_000;

export function flatten(roots: readonly ObjectiveNode[]): ObjectiveNode[] {
  const out: ObjectiveNode[] = [];
  const walk = (node: ObjectiveNode) => {
    out.push(node);
    for (const child of node.children) walk(child);
  };
  for (const root of roots) walk(root);
  return out;
}

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
export function myOkrs(dashboard: Dashboard, userId: string, now: Date) {
  const all = flatten(dashboard.roots);
  const owned = all.filter((o) => o.owner.id === userId).map((o) => ({ ...o, children: [] }));
  const due: DueCheckIn[] = all.flatMap((o) =>
    o.keyResults
      .filter((kr) => kr.owner.id === userId && isCheckInDue(kr, now))
      .map((kr) => ({ keyResult: kr, objective: { id: o.id, title: o.title } })),
  );
  const elsewhere: DueCheckIn[] = all
    .filter((o) => o.owner.id !== userId)
    .flatMap((o) =>
      o.keyResults
        .filter((kr) => kr.owner.id === userId)
        .map((kr) => ({ keyResult: kr, objective: { id: o.id, title: o.title } })),
    );
  return {
    cycle: dashboard.cycle,
    expected: dashboard.expected,
    objectives: owned,
    /** Key results I own inside objectives someone else owns. */
    keyResultsElsewhere: elsewhere,
    dueCheckIns: due,
  };
}

export interface AttentionItem {
  objectiveId: string;
  title: string;
  teamName: string | null;
  reason: string;
}

/** What a manager sees first: their teams' objectives, and the ones that need a word. */
export function teamAttention(dashboard: Dashboard, ledTeamIds: ReadonlySet<string>, now: Date) {
  const all = flatten(dashboard.roots).filter((o) => o.team && ledTeamIds.has(o.team.id));
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
  return {
    cycle: dashboard.cycle,
    expected: dashboard.expected,
    objectives: all.map((o) => ({ ...o, children: [] })),
    attention,
  };
}

import type { Row } from "./company-baselines";

/*
 * An API answer and a baseline's rows, each reduced to the same plain shape
 * (ids, order, figures, statuses, names), so the benchmark can say whether the
 * hand-written SQL returned what the API did. Figures compare to 9 significant
 * digits: the two sum floating-point numbers in different orders.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// biome-ignore lint/suspicious/noExplicitAny: answers are walked structurally, whatever the procedure's type.
type Any = any;

const num = (x: unknown): number | null =>
  x === null || x === undefined ? null : Number(Number(x as number).toPrecision(9));
const time = (x: unknown): number | null => (x === null || x === undefined ? null : new Date(x as string).getTime());
const text = (x: unknown): string | null => (x === null || x === undefined ? null : String(x));
const list = (x: unknown): Any[] => (Array.isArray(x) ? x : []);

function summary(o: Any, snake: boolean): Json {
  const f = (camel: string, snakeName: string) => (snake ? o[snakeName] : o[camel]);
  return {
    id: o.id,
    title: o.title,
    level: o.level,
    status: o.status,
    visibility: o.visibility,
    owner: snake ? o.owner_name : o.owner.name,
    team: snake ? (o.team_id && o.team_name ? o.team_name : null) : (o.team?.name ?? null),
    parentId: f("parentId", "parent_id") ?? null,
    progress: num(o.progress),
    hasData: f("hasData", "has_data"),
    progressStatus: f("progressStatus", "progress_status"),
    keyResultCount: f("keyResultCount", "key_result_count"),
    alignedCount: f("alignedCount", "aligned_count"),
  };
}

function keyResult(k: Any, fromSql: boolean): Json {
  return {
    id: k.id,
    title: k.title,
    owner: fromSql ? k.ownerName : k.owner.name,
    currentValue: num(k.currentValue),
    currentConfidence: k.currentConfidence ?? null,
    lastCheckInAt: time(k.lastCheckInAt),
    progress: num(k.progress),
    hasData: k.hasData,
    status: k.status,
    canCheckIn: k.canCheckIn,
  };
}

const page = (rows: Any[], limit: number) => ({ items: rows.slice(0, limit), more: rows.length > limit });

export function listFromApi(answer: Any): Json {
  return {
    cycle: answer.cycle.id,
    items: list(answer.objectives).map((o) => ({
      ...(summary(o, false) as object),
      keyResults: list(o.keyResults).map((k) => keyResult(k, false)),
    })),
    more: answer.nextCursor !== null,
  };
}

export function listFromSql(rows: Row[], limit: number): Json {
  const { items, more } = page(rows, limit);
  return {
    cycle: (rows[0]?.cycle_id as string | undefined) ?? null,
    items: items.map((o) => ({
      ...(summary(o, true) as object),
      keyResults: list(o.key_results).map((k) => keyResult(k, true)),
    })),
    more,
  };
}

export function dashboardFromApi(answer: Any): Json {
  return {
    cycle: answer.cycle.id,
    totals: answer.totals,
    roots: list(answer.roots).map((o) => summary(o, false)),
    more: answer.nextCursor !== null,
  };
}

export function dashboardFromSql(rows: Row[], limit: number, statuses: readonly string[]): Json {
  const row: Any = rows[0] ?? {};
  const { items, more } = page(list(row.roots), limit);
  return {
    cycle: row.cycle?.id ?? null,
    totals: Object.fromEntries(statuses.map((s) => [s, row.totals?.[s] ?? 0])),
    roots: items.map((o) => summary(o, true)),
    more,
  };
}

export function branchFromApi(answer: Any): Json {
  return {
    id: answer.objectiveId,
    keyResults: list(answer.keyResults).map((k) => keyResult(k, false)),
    aligned: list(answer.aligned).map((o) => summary(o, false)),
    more: answer.nextCursor !== null,
  };
}

export function branchFromSql(rows: Row[], limit: number): Json {
  const row: Any = rows[0] ?? {};
  const { items, more } = page(list(row.aligned), limit);
  return {
    id: row.id ?? null,
    keyResults: list(row.key_results).map((k) => keyResult(k, true)),
    aligned: items.map((o) => summary(o, true)),
    more,
  };
}

const checkIn = (c: Any): Json => ({
  id: c.id,
  keyResultId: c.keyResultId,
  value: num(c.value),
  confidence: c.confidence,
  comment: c.comment,
  createdAt: time(c.createdAt),
  authorName: c.authorName,
});

export function objectiveFromApi(answer: Any): Json {
  return {
    objective: summary(answer.objective, false),
    keyResults: list(answer.objective.keyResults).map((k) => keyResult(k, false)),
    aligned: list(answer.aligned).map((o) => summary(o, false)),
    more: answer.alignedNextCursor !== null,
    cycle: answer.cycle.id,
    parent: answer.parent?.id ?? null,
    path: list(answer.path).map((p) => p.id),
    strategicObjective: answer.strategicObjective?.name ?? null,
    checkIns: list(answer.checkIns).map(checkIn),
    comments: list(answer.comments).map((c) => c.id),
    activity: list(answer.activity).map((a) => a.id),
    can: answer.can,
  };
}

export function objectiveFromSql(rows: Row[], limit: number): Json {
  const row: Any = rows[0] ?? {};
  const { items, more } = page(list(row.aligned), limit);
  const path = list(row.path);
  return {
    objective: row.objective ? summary(row.objective, true) : null,
    keyResults: list(row.key_results).map((k) => keyResult(k, true)),
    aligned: items.map((o) => summary(o, true)),
    more,
    cycle: row.cycle?.id ?? null,
    parent: row.objective?.parent_id ? (path.at(-1)?.id ?? null) : null,
    path: path.map((p) => p.id),
    strategicObjective: row.strategic_objective?.name ?? null,
    checkIns: list(row.check_ins).map(checkIn),
    comments: list(row.comments).map((c) => c.id),
    activity: list(row.activity).map((a) => a.id),
    can: { edit: row.can_edit, publish: row.can_publish, grade: row.can_grade, comment: row.can_comment },
  };
}

const trend = (points: Any[]) => ({
  scores: points.map((t) => num(t.score)),
  statuses: points.map((t) => t.status),
});

function kpiFromApi(k: Any): Json {
  return {
    kind: "kpi",
    id: k.id,
    name: k.name,
    weight: num(k.weight),
    unit: k.unit,
    direction: k.direction,
    frequency: k.frequency,
    kpiKind: k.kind,
    owner: k.owner.name,
    actual: num(k.actual),
    goal: num(k.goal),
    redFlag: num(k.redFlag),
    share: k.targetShare ? `${k.targetShare.reported}/${k.targetShare.total}` : null,
    ...trend(list(k.trend)),
    actuals: list(k.trend).map((t) => num(t.actual)),
  };
}

/** The tree answers its KPIs inline (`objectives[].kpis`), or only their counts when they load on opening. */
export const treeHasKpis = (answer: Any): boolean =>
  list(answer.perspectives).some((p: Any) => list(p.objectives).some((o: Any) => Array.isArray(o.kpis)));

/** The tree, depth first: the scorecard, each perspective, its objectives, their KPIs; then the unlinked KPIs. */
export function treeFromApi(answer: Any): Json {
  const nodes: Json[] = [
    {
      kind: "scorecard",
      ...trend(list(answer.trend)),
      available: list(answer.availableQuarters).map((q) => q.start),
      unlinkedKpis: answer.unlinkedKpiCount ?? list(answer.unlinkedKpis).length,
    },
  ];
  for (const p of list(answer.perspectives)) {
    nodes.push({ kind: "perspective", id: p.id, name: p.name, weight: num(p.weight), ...trend(list(p.trend)) });
    for (const o of list(p.objectives)) {
      nodes.push({
        kind: "objective",
        id: o.id,
        name: o.name,
        weight: num(o.weight),
        description: o.description,
        owner: o.owner.name,
        alignedOkrCount: o.alignedOkrCount,
        kpiCount: o.kpiCount ?? list(o.kpis).length,
        ...trend(list(o.trend)),
      });
      for (const k of list(o.kpis)) nodes.push(kpiFromApi(k));
    }
  }
  for (const k of list(answer.unlinkedKpis)) nodes.push(kpiFromApi(k));
  return nodes;
}

export function treeFromSql(rows: Row[]): Json {
  return rows.map((r: Any) => {
    const scores = { scores: list(r.scores).map(num), statuses: list(r.statuses) };
    switch (r.kind) {
      case "scorecard":
        return { kind: "scorecard", ...scores, available: list(r.available).map(text), unlinkedKpis: r.kpi_count };
      case "perspective":
        return { kind: "perspective", id: r.id, name: r.name, weight: num(r.weight), ...scores };
      case "objective":
        return {
          kind: "objective",
          id: r.id,
          name: r.name,
          weight: num(r.weight),
          description: r.description,
          owner: r.owner_name,
          alignedOkrCount: r.aligned_okr_count,
          kpiCount: r.kpi_count,
          ...scores,
        };
      default:
        return {
          kind: "kpi",
          id: r.id,
          name: r.name,
          weight: num(r.weight),
          unit: r.unit,
          direction: r.direction,
          frequency: r.frequency,
          kpiKind: r.kpi_kind,
          owner: r.owner_name,
          actual: num(r.actual),
          goal: num(r.goal),
          redFlag: num(r.red_flag),
          share: r.reported === null ? null : `${r.reported}/${r.periods}`,
          ...scores,
          actuals: list(r.actuals).map(num),
        };
    }
  });
}

/** kpis.list answers a page ({ kpis, nextCursor }) or, before paging, every live KPI. */
export const kpiListPaged = (answer: Any): boolean => !Array.isArray(answer);

export function kpiListFromApi(answer: Any): Json {
  const items: Any[] = Array.isArray(answer) ? answer : list(answer.kpis);
  return {
    items: items.map((k) => ({
      id: k.id,
      name: k.name,
      unit: k.unit,
      direction: k.direction,
      frequency: k.frequency,
      aggregation: k.aggregation,
      kind: k.kind,
      goal: num(k.goal),
      redFlag: num(k.redFlag),
      weight: num(k.weight),
      version: k.version,
      owner: k.owner.name,
      strategicObjective: k.strategicObjective?.name ?? null,
      latest: k.latestActual ? `${k.latestActual.periodStart}=${num(k.latestActual.value)}` : null,
      actual: num(k.actual),
      quarterGoal: num(k.quarterGoal),
      quarterRedFlag: num(k.quarterRedFlag),
      share: k.targetShare ? `${k.targetShare.reported}/${k.targetShare.total}` : null,
      score: num(k.score),
      status: k.status,
    })),
    more: Array.isArray(answer) ? false : answer.nextCursor !== null,
  };
}

export function kpiListFromSql(rows: Row[], limit: number | null): Json {
  const { items, more } = limit === null ? { items: rows, more: false } : page(rows, limit);
  return {
    items: items.map((k: Any) => ({
      id: k.id,
      name: k.name,
      unit: k.unit,
      direction: k.direction,
      frequency: k.frequency,
      aggregation: k.aggregation,
      kind: k.kind,
      goal: num(k.definition_goal),
      redFlag: num(k.definition_red_flag),
      weight: num(k.weight),
      version: k.version,
      owner: k.owner_name,
      strategicObjective: k.strategic_objective_id ? (k.objective_name ?? null) : null,
      latest: k.latest_period_start ? `${k.latest_period_start}=${num(k.latest_value)}` : null,
      actual: num(k.actual),
      quarterGoal: num(k.goal),
      quarterRedFlag: num(k.red_flag),
      share: k.reported === null ? null : `${k.reported}/${k.periods}`,
      score: num(k.score),
      status: k.status,
    })),
    more,
  };
}

/** Null when both are the same, else where they first differ. */
export function firstDifference(api: Json, baseline: Json, at = "answer"): string | null {
  if (JSON.stringify(api) === JSON.stringify(baseline)) return null;
  if (Array.isArray(api) && Array.isArray(baseline)) {
    if (api.length !== baseline.length) return `${at}: ${api.length} items from the API, ${baseline.length} from SQL`;
    for (let i = 0; i < api.length; i++) {
      const d = firstDifference(api[i] ?? null, baseline[i] ?? null, `${at}[${i}]`);
      if (d) return d;
    }
  }
  if (api && baseline && typeof api === "object" && typeof baseline === "object" && !Array.isArray(api)) {
    const b = baseline as { [key: string]: Json };
    for (const key of new Set([...Object.keys(api), ...Object.keys(b)])) {
      const d = firstDifference(api[key] ?? null, b[key] ?? null, `${at}.${key}`);
      if (d) return d;
    }
  }
  return `${at}: ${JSON.stringify(api)?.slice(0, 120)} (API) ≠ ${JSON.stringify(baseline)?.slice(0, 120)} (SQL)`;
}

const team = (t: Any, fromSql: boolean): Json => ({
  id: t.id,
  name: t.name,
  parentId: (fromSql ? t.parent_id : t.parentId) ?? null,
  version: t.version,
  memberCount: Number(fromSql ? t.member_count : t.memberCount),
  myRole: (fromSql ? t.my_role : t.myRole) ?? null,
});

export function teamsFromApi(answer: Any): Json {
  return (answer as Any[]).map((t) => team(t, false));
}

export function teamsFromSql(rows: Row[]): Json {
  return rows.map((t) => team(t, true));
}

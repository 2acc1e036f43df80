import type { Row } from "./company-baselines";

/*
 * The marketing reads' API answers and baseline rows reduced to one plain
 * shape (ids, order, names, sums, rates), so the benchmark can say whether the
 * hand-written SQL returned what the API did. Figures compare to 9 significant
 * digits; rows whose order the API leaves open (a day's rows) are sorted first.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
// biome-ignore lint/suspicious/noExplicitAny: answers are walked structurally, whatever the procedure's type.
type Any = any;

const num = (x: unknown): number | null =>
  x === null || x === undefined ? null : Number(Number(x as number).toPrecision(9));
const list = (x: unknown): Any[] => (Array.isArray(x) ? x : []);
const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

const variant = (v: Any): Json => ({ id: v.id, name: v.name, isControl: v.isControl, weight: v.weight });
const metric = (m: Any): Json => ({ id: m.id, name: m.name, isPrimary: m.isPrimary });
const total = (metricId: string, v: Any): Json => ({
  metricId,
  variantId: v.variantId ?? v.id,
  exposures: num(v.exposures),
  conversions: num(v.conversions),
});
const day = (d: Any): Json => ({
  day: d.day,
  variantId: d.variantId,
  metricId: d.metricId,
  exposures: d.exposures,
  conversions: d.conversions,
});
const dayKey = (d: Any) => `${d.day}|${d.metricId}|${d.variantId}`;

export function experimentFromApi(a: Any): Json {
  const e = a.experiment;
  const totals = list(a.results).flatMap((r: Any) =>
    [r.analysis.control, ...list(r.analysis.treatments).map((t: Any) => t.variant)]
      .filter((v) => v && Number(v.exposures) > 0)
      .map((v: Any) => total(r.metric.id, v)),
  );
  return {
    experiment: {
      id: e.id,
      name: e.name,
      status: e.status,
      startDate: e.startDate,
      endDate: e.endDate,
      team: e.team.name,
      owner: e.owner.name,
      keyResult: e.keyResult?.title ?? null,
      kpi: e.kpi?.name ?? null,
      version: e.version,
      canEdit: a.canEdit,
    },
    variants: list(a.variants).map(variant),
    metrics: list(a.metrics).map(metric),
    totals: byKey(totals, (t: Any) => `${t.metricId}|${t.variantId}`),
    daily: byKey(list(a.daily), dayKey).map(day),
    cumulative: list(a.cumulative).flatMap((c: Any) =>
      Object.keys(c.rates)
        .sort()
        .map((id) => ({ day: c.day, variantId: id, rate: num(c.rates[id]) })),
    ),
  };
}

export function experimentFromSql(rows: Row[]): Json {
  const r = (rows[0] ?? {}) as Any;
  const e = r.experiment ?? {};
  return {
    experiment: {
      id: e.id,
      name: e.name,
      status: e.status,
      startDate: e.start_date,
      endDate: e.end_date,
      team: e.team_name,
      owner: e.owner_name,
      keyResult: e.key_result_title ?? null,
      kpi: e.kpi_name ?? null,
      version: e.version,
      canEdit: e.can_edit,
    },
    variants: list(r.variants).map(variant),
    metrics: list(r.metrics).map(metric),
    totals: byKey(
      list(r.totals).map((t: Any) => total(t.metricId, t)),
      (t: Any) => `${t.metricId}|${t.variantId}`,
    ),
    daily: byKey(list(r.daily), dayKey).map(day),
    // Every variant has a rate from the first day on: the generated experiments expose every variant daily.
    cumulative: byKey(list(r.cumulative), (c: Any) => `${c.day}|${c.variantId}`).map((c: Any) => ({
      day: c.day,
      variantId: c.variantId,
      rate: num(c.rate),
    })),
  };
}

const listItem = (x: Any, fromSql: boolean): Json => ({
  id: x.id,
  name: x.name,
  status: x.status,
  decision: x.decision ?? null,
  team: fromSql ? x.team_name : x.team.name,
  owner: fromSql ? x.owner_name : x.owner.name,
  startDate: fromSql ? x.start_date : x.startDate,
  endDate: fromSql ? x.end_date : x.endDate,
  canEdit: fromSql ? x.can_edit : x.canEdit,
});

export function experimentListFromApi(a: Any): Json {
  return { items: list(a.experiments).map((x) => listItem(x, false)), more: a.nextCursor !== null };
}

export function experimentListFromSql(rows: Row[], limit: number): Json {
  return { items: rows.slice(0, limit).map((x) => listItem(x, true)), more: rows.length > limit };
}

const sums = (x: Any): Json => ({
  budget: num(x.budget),
  spend: num(x.spend),
  conversions: num(x.conversions),
  revenue: num(x.revenue),
});
const live = (c: Any): Json => ({
  id: c.id,
  name: c.name,
  channel: c.channel,
  status: c.status,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
});

export function dashboardFromApi(a: Any): Json {
  return {
    currency: a.currency,
    otherCurrencyCampaigns: a.otherCurrencyCampaigns,
    months: list(a.months).map((m) => ({ start: m.start, budget: num(m.budget), spend: num(m.spend) })),
    channels: list(a.channels).map((c) => ({ channel: c.channel, campaigns: c.campaigns, ...(sums(c) as object) })),
    totals: sums(a.totals),
    live: list(a.liveThisWeek).map(live),
  };
}

export function dashboardFromSql(rows: Row[]): Json {
  const r = (rows[0] ?? {}) as Any;
  return {
    currency: r.currency,
    otherCurrencyCampaigns: r.other_currency_campaigns,
    months: list(r.months).map((m) => ({ start: m.start, budget: num(m.budget), spend: num(m.spend) })),
    channels: list(r.channels).map((c) => ({ channel: c.channel, campaigns: c.campaigns, ...(sums(c) as object) })),
    totals: sums(r),
    live: list(r.live).map(live),
  };
}

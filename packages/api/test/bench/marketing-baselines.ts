import { ME, type Statement } from "./company-baselines";

/*
 * Hand-written SQL for the marketing reads of the company benchmark, one
 * statement each, returning what the page shows for the same caller: the
 * membership (as every API request resolves it), then the rows, names and
 * sums, every part a JSON column of one row. What the domain computes in
 * JavaScript (an experiment's z-tests and verdicts, a campaign's ROI) is left
 * to it: a baseline returns the figures those are computed from, summed and
 * accumulated in SQL.
 */

/** experiments.get: the experiment with its names, variants, metrics, totals, daily rows and cumulative rates. */
export function experimentBaseline(userId: string, experimentId: string): Statement {
  return {
    text: `with ${ME},
      x as (
        select e.id, e.name, e.status::text as status, e.start_date::text as start_date, e.end_date::text as end_date,
          e.team_id, t.name as team_name, u.name as owner_name, kr.title as key_result_title, k.name as kpi_name,
          e.mde_bp, e.alpha_bp, e.power_bp, e.baseline_rate_bp, e.version,
          e.status <> 'concluded' and (me.role in ('admin', 'manager') or e.team_id = any(me.teams)) as can_edit
        from me join experiments e on e.organization_id = me.org and e.id = $2::uuid
        join teams t on t.organization_id = e.organization_id and t.id = e.team_id
        join users u on u.id = e.owner_id
        left join key_results kr on kr.organization_id = e.organization_id and kr.id = e.key_result_id
        left join kpis k on k.organization_id = e.organization_id and k.id = e.kpi_id
      ),
      d as (
        select r.day, r.variant_id, r.metric_id, r.exposures, r.conversions
        from x join experiment_results r on r.organization_id = (select org from me) and r.experiment_id = x.id
      ),
      primary_metric as (
        select m.id from x join experiment_metrics m on m.organization_id = (select org from me) and m.experiment_id = x.id
        where m.is_primary
      )
      select (select row_to_json(x) from x) as experiment,
        (select json_agg(json_build_object('id', v.id, 'name', v.name, 'isControl', v.is_control, 'weight', v.weight)
            order by v.position, v.created_at)
          from x join experiment_variants v on v.organization_id = (select org from me) and v.experiment_id = x.id) as variants,
        (select json_agg(json_build_object('id', m.id, 'name', m.name, 'isPrimary', m.is_primary) order by m.position, m.created_at)
          from x join experiment_metrics m on m.organization_id = (select org from me) and m.experiment_id = x.id) as metrics,
        (select json_agg(json_build_object('metricId', s.metric_id, 'variantId', s.variant_id,
            'exposures', s.exposures, 'conversions', s.conversions))
          from (select metric_id, variant_id, sum(exposures)::float8 as exposures, sum(conversions)::float8 as conversions
            from d group by metric_id, variant_id) s) as totals,
        (select json_agg(json_build_object('day', d.day::text, 'variantId', d.variant_id, 'metricId', d.metric_id,
            'exposures', d.exposures, 'conversions', d.conversions) order by d.day)
          from d) as daily,
        (select json_agg(json_build_object('day', c.day::text, 'variantId', c.variant_id, 'rate',
            case when c.exposures > 0 then c.conversions::float8 / c.exposures end) order by c.day)
          from (select d.day, d.variant_id,
              sum(d.exposures) over (partition by d.variant_id order by d.day) as exposures,
              sum(d.conversions) over (partition by d.variant_id order by d.day) as conversions
            from d where d.metric_id = (select id from primary_metric)) c) as cumulative`,
    params: [userId, experimentId],
  };
}

/**
 * experiments.list (first page, newest first): each experiment with its team, owner, variants and its
 * primary metric's totals per variant (what the verdict is computed from), and whether the caller may edit it.
 */
export function experimentListBaseline(userId: string, limit: number): Statement {
  return {
    text: `with ${ME},
      page as (
        select e.id, e.name, e.status::text as status, e.decision::text as decision, e.start_date::text as start_date,
          e.end_date::text as end_date, e.team_id, t.name as team_name, e.owner_id, u.name as owner_name,
          e.alpha_bp, e.power_bp, e.mde_bp, e.baseline_rate_bp, e.created_at,
          e.status <> 'concluded' and (me.role in ('admin', 'manager') or e.team_id = any(me.teams)) as can_edit
        from me join experiments e on e.organization_id = me.org
        join teams t on t.organization_id = e.organization_id and t.id = e.team_id
        join users u on u.id = e.owner_id
        order by e.created_at desc, e.id desc
        limit $2::int + 1
      )
      select p.*,
        (select json_agg(json_build_object('id', v.id, 'name', v.name, 'isControl', v.is_control, 'weight', v.weight,
            'exposures', coalesce(s.exposures, 0), 'conversions', coalesce(s.conversions, 0)) order by v.position, v.created_at)
          from experiment_variants v
          left join (
            select r.variant_id, sum(r.exposures)::float8 as exposures, sum(r.conversions)::float8 as conversions
            from experiment_metrics m
            join experiment_results r on r.organization_id = m.organization_id and r.experiment_id = m.experiment_id
              and r.metric_id = m.id
            where m.organization_id = (select org from me) and m.experiment_id = p.id and m.is_primary
            group by r.variant_id
          ) s on s.variant_id = v.id
          where v.organization_id = (select org from me) and v.experiment_id = p.id) as variants
      from page p
      order by p.created_at desc, p.id desc`,
    params: [userId, limit],
  };
}

/**
 * campaigns.dashboard for the quarter [$2, $3] and the week [$4, $5]: the quarter's campaigns in the currency
 * most of them use, budget (spread evenly over each campaign's days) and spend per month, totals per channel
 * and in all, and the campaigns live or planned this week.
 */
export function marketingDashboardBaseline(
  userId: string,
  quarter: { start: string; end: string },
  week: { start: string; end: string },
  channels: readonly string[],
): Statement {
  const within = (c: string, from: string, to: string) =>
    `(case when ${c}.budget is null then null else ${c}.budget::float8 *
      greatest(0, least(${c}.ends_on, ${to}) - greatest(${c}.starts_on, ${from}) + 1) / (${c}.ends_on - ${c}.starts_on + 1) end)`;
  return {
    text: `with ${ME},
      q as (
        select c.id, c.name, c.channel::text as channel, c.status::text as status, c.starts_on, c.ends_on, c.budget, c.currency,
          row_number() over (order by c.starts_on, c.id) as n
        from me join campaigns c on c.organization_id = me.org
        where c.starts_on <= $3::date and c.ends_on >= $2::date
        order by c.starts_on, c.id
        limit 5001
      ),
      cur as (select currency from q group by currency order by count(*) desc, min(n) limit 1),
      chosen as (select * from q where n <= 5000 and currency = (select currency from cur)),
      sums as (
        select date_trunc('month', r.period_start)::date as month, ch.channel, sum(r.spend)::float8 as spend,
          sum(r.conversions)::float8 as conversions, sum(r.revenue)::float8 as revenue
        from chosen ch join campaign_results r on r.organization_id = (select org from me) and r.campaign_id = ch.id
        where r.period_start between $2::date and $3::date
        group by 1, 2
      ),
      months as (
        select m::date as start, (m + interval '1 month' - interval '1 day')::date as finish
        from generate_series($2::date::timestamp, $3::date::timestamp, interval '1 month') m
      ),
      channels as (select channel, ord from unnest($6::text[]) with ordinality as u(channel, ord))
      select (select currency from cur) as currency,
        (select count(*)::int from q where n <= 5000) - (select count(*)::int from chosen) as other_currency_campaigns,
        (select json_agg(json_build_object('start', m.start::text,
            'budget', (select sum(${within("c", "m.start", "m.finish")}) from chosen c where c.status <> 'cancelled'),
            'spend', (select sum(s.spend) from sums s where s.month = m.start)) order by m.start)
          from months m) as months,
        (select json_agg(json_build_object('channel', k.channel, 'campaigns', k.campaigns, 'budget', k.budget,
            'spend', s.spend, 'conversions', s.conversions, 'revenue', s.revenue) order by k.ord)
          from (
            select ch.channel, ch.ord, count(*)::int as campaigns,
              sum(${within("c", "$2::date", "$3::date")}) filter (where c.status <> 'cancelled') as budget
            from channels ch join chosen c on c.channel = ch.channel group by ch.channel, ch.ord
          ) k
          left join (select channel, sum(spend) as spend, sum(conversions) as conversions, sum(revenue) as revenue
            from sums group by channel) s on s.channel = k.channel) as channels,
        (select sum(${within("c", "$2::date", "$3::date")}) from chosen c where c.status <> 'cancelled') as budget,
        (select sum(spend) from sums) as spend, (select sum(conversions) from sums) as conversions,
        (select sum(revenue) from sums) as revenue,
        (select json_agg(json_build_object('id', l.id, 'name', l.name, 'channel', l.channel, 'status', l.status,
            'startsOn', l.starts_on::text, 'endsOn', l.ends_on::text) order by l.n)
          from (select * from q where starts_on <= $5::date and ends_on >= $4::date and status in ('live', 'planned')
            order by n limit 50) l) as live`,
    params: [userId, quarter.start, quarter.end, week.start, week.end, channels],
  };
}

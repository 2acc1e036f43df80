import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../src/client";
import { rows } from "../../src/migrate";

/**
 * A marketing organization at benchmark size, added to an organization that
 * already has teams (seedCompany's): at scale 1, 500 campaigns across every
 * channel and team over fourteen months (a year ago to two months ahead) with
 * weekly spend, conversions and revenue up to today, and 100 experiments of 90
 * days each, started every five days back from a month ago, with 2 or 3
 * variants, 2 metrics and daily results per variant and metric up to today
 * (~45,000 rows). Counts scale linearly; per-item shapes (90 days, variants,
 * metrics, weekly periods) do not.
 */
export interface MarketingSize {
  campaigns: number;
  experiments: number;
  experimentDays: number;
  metrics: number;
}

export function marketingSize(scale: number): MarketingSize {
  if (!(scale > 0 && scale <= 10)) throw new Error(`scale must be in (0, 10], not ${scale}`);
  return {
    campaigns: Math.max(8, Math.round(500 * scale)),
    experiments: Math.max(3, Math.round(100 * scale)),
    experimentDays: 90,
    metrics: 2,
  };
}

export interface SeedMarketingOptions {
  organizationId: string;
  scale: number;
  /** "Today". Defaults to now. */
  now?: Date;
  /** Makes ids unique when more than one organization in a database is given campaigns. */
  namespace?: string;
}

export interface SeededMarketing {
  size: MarketingSize;
  /** The latest ended experiment with three variants (90 days of results): the experiment page's subject. */
  experimentId: string;
  counts: Record<string, number>;
  timings: Record<string, number>;
}

const CHANNELS = [
  "email",
  "paid_search",
  "paid_social",
  "organic_social",
  "content",
  "events",
  "partnerships",
  "other",
];
const TOPICS =
  "spring launch|brand terms|retargeting|webinar series|customer stories|partner summit|product tour|free trial|newsletter|category report|holiday sale|referral drive".split(
    "|",
  );

const textArray = (values: readonly string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Generates the campaigns and experiments set-based (`INSERT … SELECT … FROM
 * generate_series`), every value derived from the series index through md5 and
 * modulo, so two loads of one scale hold the same rows. Teams are taken round
 * robin in name order, each campaign and experiment owned by its team's lead.
 * Ends with ANALYZE of the tables it wrote.
 */
export async function seedMarketing(db: Database, options: SeedMarketingOptions): Promise<SeededMarketing> {
  const size = marketingSize(options.scale);
  const now = options.now ?? new Date();
  const today = `'${isoDay(now)}'::date`;
  const org = `'${options.organizationId.replace(/'/g, "")}'::uuid`;
  const ns = (options.namespace ?? `marketing-${options.scale}`).toLowerCase().replace(/[^a-z0-9-]/g, "-");
  const uid = (kind: string, index: string) =>
    `overlay(overlay(md5('${ns}:${kind}:' || (${index})::text) placing '4' from 13) placing '8' from 17)::uuid`;
  const bits = (hash: string, at: number) => `('x' || substr(${hash}, ${at}, 7))::bit(28)::int`;
  const h = (key: string) => `md5('${ns}:' || ${key})`;
  const timings: Record<string, number> = {};
  let exec: Executor = db;
  const step = async (name: string, statement: string) => {
    const started = performance.now();
    await exec.execute(sql.raw(statement));
    timings[name] = Math.round(performance.now() - started);
  };
  const { campaigns: C, experiments: E, experimentDays: D } = size;
  // Teams in name order with their lead (else any member), numbered from 0.
  const TEAMS = `(select row_number() over (order by t.name, t.id)::int - 1 as i, t.id,
      coalesce((select tm.user_id from team_members tm where tm.organization_id = t.organization_id and tm.team_id = t.id
        order by (tm.role = 'lead') desc, tm.user_id limit 1),
        (select m.user_id from memberships m where m.organization_id = t.organization_id order by m.created_at limit 1)) as lead
    from teams t where t.organization_id = ${org})`;
  const teamCount = `(select count(*)::int from teams where organization_id = ${org})`;

  await db.transaction(async (tx) => {
    exec = tx;
    await tx.execute(sql`set local jit = off`);
    // Campaign c starts 365 days before today plus c's share of 425 days, and runs 7 to 90 days.
    await step(
      "campaigns",
      `insert into campaigns (id, organization_id, name, channel, owner_id, team_id, status, starts_on, ends_on, budget,
         currency, utm_source, utm_medium, utm_campaign, landing_url, created_at, updated_at)
       select ${uid("campaign", "c.c")}, ${org},
         'Campaign ' || lpad((c.c + 1)::text, 4, '0') || ': ' || (${textArray(TOPICS)})[1 + c.c % ${TOPICS.length}],
         (${textArray(CHANNELS)})[1 + c.c % ${CHANNELS.length}]::campaign_channel, t.lead,
         case when c.c % 12 = 11 then null else t.id end,
         (case when c.c % 25 = 24 then 'cancelled' when c.ends_on < ${today} then 'done'
           when c.starts_on <= ${today} then 'live' else 'planned' end)::campaign_status,
         c.starts_on, c.ends_on,
         case when c.c % 20 = 19 then null else (1000 + ${bits(h("'budget:' || c.c"), 1)} % 40000)::bigint * 100 end,
         case when c.c % 10 = 9 then 'USD' else 'EUR' end,
         'source' || c.c % 7, (${textArray(CHANNELS)})[1 + c.c % ${CHANNELS.length}], 'campaign-' || c.c,
         'https://example.com/c/' || c.c, c.starts_on - 14, c.starts_on - 14
       from (
         select c, ${today} - 365 + (c * 425 / ${C}) as starts_on,
           ${today} - 365 + (c * 425 / ${C}) + 6 + ${bits(h("'days:' || c"), 1)} % 84 as ends_on
         from generate_series(0, ${C - 1}) c
       ) c
       join ${TEAMS} t on t.i = (c.c * 7) % ${teamCount}`,
    );
    // A week's figures per campaign from its first week up to today's; one week in thirteen has no conversions entered.
    await step(
      "campaign_results",
      `insert into campaign_results (id, organization_id, campaign_id, period_start, spend, conversions, revenue, source,
         created_at, updated_at)
       select ${uid("campaign-result", "c.id::text || ':' || w")}, ${org}, c.id, w::date,
         r.spend, case when r.n % 13 = 0 then null else greatest(0, r.spend / (2000 + r.n % 9000)) end,
         (r.spend * (0.5 + (r.n % 400) / 100.0))::bigint, 'api', w + interval '7 days', w + interval '7 days'
       from campaigns c
       cross join lateral generate_series(date_trunc('week', c.starts_on::timestamp), least(c.ends_on, ${today})::timestamp, interval '7 days') w
       cross join lateral (select ${bits(h("c.id::text || ':' || w::text"), 1)} as n) x
       cross join lateral (select (coalesce(c.budget, 500000) / ceil((c.ends_on - c.starts_on + 1) / 7.0)
         * (0.6 + (x.n % 80) / 100.0))::bigint as spend, x.n) r
       where c.organization_id = ${org} and c.starts_on <= ${today}`,
    );

    // Experiment e started 30 + e·(500 / E) days ago and runs 90 days; one in twenty is still a draft.
    const started = `(${today} - 30 - (e * 500 / ${E}))`;
    await step(
      "experiments",
      `insert into experiments (id, organization_id, name, hypothesis, owner_id, team_id, status, decision, decision_reason,
         start_date, end_date, mde_bp, created_at, updated_at, concluded_at)
       select ${uid("experiment", "e")}, ${org},
         'Experiment ' || lpad((e + 1)::text, 3, '0') || ': ' || (${textArray(TOPICS)})[1 + e % ${TOPICS.length}],
         'Changing ' || (${textArray(TOPICS)})[1 + e % ${TOPICS.length}] || ' lifts signups.', t.lead, t.id,
         (case when e % 20 = 19 then 'draft' when ${started} + ${D - 1} >= ${today} then 'running'
           when e % 3 = 2 then 'stopped' else 'concluded' end)::experiment_status,
         (case when e % 20 <> 19 and ${started} + ${D - 1} < ${today} and e % 3 <> 2
           then (${textArray(["ship_winner", "keep_control", "inconclusive"])})[1 + e % 3] end)::experiment_decision,
         '', case when e % 20 <> 19 then ${started} end, case when e % 20 <> 19 then ${started} + ${D - 1} end,
         case when e % 2 = 0 then 1000 else 500 end,
         (${started} - 7)::timestamptz + make_interval(secs => e), (${started} - 7)::timestamptz,
         case when e % 20 <> 19 and ${started} + ${D - 1} < ${today} and e % 3 <> 2 then (${started} + ${D})::timestamptz end
       from generate_series(0, ${E - 1}) e
       join ${TEAMS} t on t.i = (e * 3 + 5) % ${teamCount}`,
    );
    // Control and B, and C in every other experiment, split evenly.
    await step(
      "experiment_variants",
      `insert into experiment_variants (id, organization_id, experiment_id, name, is_control, weight, position, created_at)
       select ${uid("variant", "e || ':' || v")}, ${org}, ${uid("experiment", "e")},
         (${textArray(["Control", "Variant B", "Variant C"])})[1 + v], v = 0, 1, v, now()
       from generate_series(0, ${E - 1}) e cross join generate_series(0, 2) v
       where v < 2 + (e + 1) % 2`,
    );
    await step(
      "experiment_metrics",
      `insert into experiment_metrics (id, organization_id, experiment_id, name, is_primary, position, created_at)
       select ${uid("metric", "e || ':' || m")}, ${org}, ${uid("experiment", "e")},
         (${textArray(["Signups", "Activation", "Revenue per visitor"])})[1 + m], m = 0, m, now()
       from generate_series(0, ${E - 1}) e cross join generate_series(0, ${size.metrics - 1}) m`,
    );
    // Every day from the start up to yesterday: ~1,000 exposures per variant, a 3–8 % base rate (a fifth of it for
    // the second metric) that B lifts by up to 12 % and C moves by −5 to +5 %.
    await step(
      "experiment_results",
      `insert into experiment_results (organization_id, experiment_id, variant_id, metric_id, day, exposures, conversions,
         source, created_at, updated_at)
       select ${org}, x.id, v.id, m.id, d::date, r.exposures,
         least(r.exposures, round(r.exposures * x.rate * (case when m.is_primary then 1 else 0.2 end)
           * (1 + case v.position when 1 then x.lift when 2 then x.lift / 2 - 0.05 else 0 end)
           * (0.85 + (r.n % 31) / 100.0))::int),
         'api', d + interval '1 day', d + interval '1 day'
       from (
         select e.id, e.start_date, e.end_date, 0.03 + (${bits("md5(e.id::text)", 1)} % 50) / 1000.0 as rate,
           (${bits("md5(e.id::text)", 8)} % 120) / 1000.0 as lift
         from experiments e where e.organization_id = ${org} and e.start_date is not null
       ) x
       join experiment_variants v on v.organization_id = ${org} and v.experiment_id = x.id
       join experiment_metrics m on m.organization_id = ${org} and m.experiment_id = x.id
       cross join lateral generate_series(x.start_date::timestamp, least(x.end_date, ${today} - 1)::timestamp, interval '1 day') d
       cross join lateral (select ${bits(h("v.id::text || ':' || m.id::text || ':' || d::text"), 1)} as n) y
       cross join lateral (select 900 + y.n % 200 as exposures, y.n) r`,
    );
    const analyzeStarted = performance.now();
    for (const table of [
      "campaigns",
      "campaign_results",
      "experiments",
      "experiment_variants",
      "experiment_metrics",
      "experiment_results",
    ])
      await tx.execute(sql.raw(`analyze ${table}`));
    timings.analyze = Math.round(performance.now() - analyzeStarted);
  });
  exec = db;

  const counted = rows<Record<string, number | string>>(
    await db.execute(
      sql.raw(
        `select ${[
          "campaigns",
          "campaign_results",
          "experiments",
          "experiment_variants",
          "experiment_metrics",
          "experiment_results",
        ]
          .map((table) => `(select count(*) from ${table} where organization_id = ${org})::int as ${table}`)
          .join(", ")},
         (select e.id::text from experiments e where e.organization_id = ${org} and e.end_date < ${today}
            and (select count(*) from experiment_variants v where v.organization_id = e.organization_id and v.experiment_id = e.id) = 3
          order by e.start_date desc limit 1) as experiment_id`,
      ),
    ),
  )[0];
  const { experiment_id, ...counts } = counted ?? {};
  if (!experiment_id) throw new Error("the generated experiments hold no ended one with three variants");
  return {
    size,
    experimentId: String(experiment_id),
    counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])),
    timings,
  };
}

import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../src/client";
import { rows } from "../../src/migrate";

/**
 * The size of a real company, for benchmarks: at scale 1, 2,000 people in 500
 * teams, 8 quarterly cycles of 2,500 objectives (20,000), 4 key results each
 * (80,000), about 12.5 check-ins per key result (~1,000,000), 100 strategic
 * objectives under 4 perspectives and 2,000 monthly KPIs with 27 months of
 * actuals (54,000). Sizes scale linearly; per-item shapes (cycles, key results
 * per objective, check-ins per key result, months, perspectives) do not.
 */
export interface CompanySize {
  scale: number;
  people: number;
  teams: number;
  cycles: number;
  objectivesPerCycle: number;
  companyObjectivesPerCycle: number;
  teamObjectivesPerCycle: number;
  keyResultsPerObjective: number;
  perspectives: number;
  strategicObjectives: number;
  kpis: number;
  months: number;
}

export function companySize(scale: number): CompanySize {
  if (!(scale > 0 && scale <= 10)) throw new Error(`scale must be in (0, 10], not ${scale}`);
  const n = (full: number, min = 1) => Math.max(min, Math.round(full * scale));
  const teams = n(500);
  const objectivesPerCycle = n(2_500, 3);
  const companyObjectivesPerCycle = Math.max(1, Math.round(objectivesPerCycle / 100));
  return {
    scale,
    people: Math.max(n(2_000), teams + 6),
    teams,
    cycles: 8,
    objectivesPerCycle,
    companyObjectivesPerCycle,
    teamObjectivesPerCycle: Math.min(teams, objectivesPerCycle - companyObjectivesPerCycle - 1),
    keyResultsPerObjective: 4,
    perspectives: 4,
    strategicObjectives: n(100, 4),
    kpis: n(2_000),
    months: 27,
  };
}

export interface SeedCompanyOptions {
  /** 1: the full company; 0.1: a tenth of everything (at least one of each). */
  scale: number;
  /** "Today": the last cycle is open and contains it. Defaults to now. */
  now?: Date;
  /** Stored for every person; the default hash matches no password (benchmarks sign in without one). */
  passwordHash?: string;
  /** Makes ids, emails and the slug unique, when more than one company shares a database. */
  namespace?: string;
}

export interface SeededCompany {
  organizationId: string;
  size: CompanySize;
  adminEmail: string;
  adminUserId: string;
  /** A member (not a lead) of `teamId` and of one more team: reads that apply visibility run as them. */
  memberEmail: string;
  memberUserId: string;
  teamId: string;
  openCycleId: string;
  /** A company objective of the open cycle with team objectives aligned under it. */
  companyObjectiveId: string;
  /** `teamId`'s objective in the open cycle, with personal objectives aligned under it. */
  teamObjectiveId: string;
  kpiId: string;
  /** Rows per table, as counted after the load. */
  counts: Record<string, number>;
  /** Milliseconds per step of the load. */
  timings: Record<string, number>;
}

const FIRST_NAMES =
  "Ada Ben Chloé Dev Elif Farid Grace Hiro Ines Jonas Kofi Lena Mateo Nadia Omar Priya Quinn Rosa Sven Tara".split(" ");
const LAST_NAMES =
  "Andersen Baptiste Costa Dubois Eriksen Fischer García Haddad Ito Jansen Kowalski Lindqvist Moreau Nakamura Okafor Petrov Quispe Rossi Schmidt Tanaka Uribe Varga Weber Xu Yilmaz".split(
    " ",
  );
const VERBS = ["Grow", "Improve", "Reduce", "Launch", "Win", "Simplify", "Scale", "Modernize", "Deliver", "Strengthen"];
const TOPICS =
  "customer onboarding|enterprise revenue|churn in EMEA|the checkout flow|partner channel|platform reliability|hiring pipeline|support response times|the mobile app|data quality|cloud costs|brand awareness|release cadence|security posture|self-serve signups".split(
    "|",
  );
const KPI_NOUNS =
  "Revenue|Gross margin|Net promoter score|Active customers|Churn rate|Lead time|Uptime|Cost per hire|Tickets resolved|Conversion|Average order value|Employee engagement".split(
    "|",
  );
const PERSPECTIVES = ["Financial", "Customer", "Internal processes", "Learning & growth"];

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A SQL text array literal of these strings (our own constants: no quoting beyond '). */
const textArray = (values: readonly string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;

/**
 * Generates the company in a handful of set-based `INSERT … SELECT … FROM
 * generate_series(…)` statements that PostgreSQL and PGlite both run. Every
 * value, ids included, derives from the series index through md5 and modulo,
 * so two loads of one scale hold the same rows. Objectives are left
 * `progress_stale`: call the API's `refreshStaleRollups(db)` afterwards.
 * Ends with ANALYZE.
 */
export async function seedCompany(db: Database, options: SeedCompanyOptions): Promise<SeededCompany> {
  const size = companySize(options.scale);
  const now = options.now ?? new Date();
  const ns = (options.namespace ?? `company-${size.scale}`).toLowerCase().replace(/[^a-z0-9-]/g, "-");
  const passwordHash = (options.passwordHash ?? "!benchmark-no-password").replace(/'/g, "''");
  const timings: Record<string, number> = {};
  let exec: Executor = db;
  const step = async (name: string, statement: string) => {
    const started = performance.now();
    await exec.execute(sql.raw(statement));
    timings[name] = Math.round(performance.now() - started);
  };

  const { people: P, teams: T, objectivesPerCycle: O, cycles: C, keyResultsPerObjective: KR } = size;
  const CO = size.companyObjectivesPerCycle;
  const TO = size.teamObjectivesPerCycle;
  const S = size.strategicObjectives;
  const K = size.kpis;

  /** A version-4-shaped uuid from md5 of the namespace, a kind and a SQL expression (the index). */
  const uid = (kind: string, index: string) =>
    `overlay(overlay(md5('${ns}:${kind}:' || (${index})::text) placing '4' from 13) placing '8' from 17)::uuid`;
  /** A non-negative integer from 28 bits of a 32-hex-digit hash expression, at hex offset `at` (1-based). */
  const bits = (hash: string, at: number) => `('x' || substr(${hash}, ${at}, 7))::bit(28)::int`;
  const org = `${uid("organization", "0")}`;
  const user = (index: string) => uid("user", index);
  const team = (index: string) => uid("team", index);
  const objective = (index: string) => uid("objective", index);

  // Eight quarters ending with the one holding `now`; the last is open, the others closed.
  const quarterStart = (offset: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 + 3 * offset, 1));
  const cycleRows = Array.from({ length: C }, (_, c) => {
    const start = quarterStart(c - C + 1);
    const end = quarterStart(c - C + 2); // exclusive
    const horizon = Math.min(end.getTime(), now.getTime());
    return {
      index: c,
      startsOn: isoDay(start),
      endsOn: isoDay(new Date(end.getTime() - DAY_MS)),
      name: `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${start.getUTCFullYear()}`,
      status: c === C - 1 ? "open" : "closed",
      start: start.toISOString(),
      horizon: new Date(horizon).toISOString(),
      // How far into the cycle its last check-ins can be: all of it when closed, up to today when open.
      reach: (horizon - start.getTime()) / (end.getTime() - start.getTime()),
    };
  });
  const cycleWindows = `(values ${cycleRows
    .map(
      (c) =>
        `(${uid("cycle", String(c.index))}, '${c.start}'::timestamptz, '${c.horizon}'::timestamptz, ${c.reach}::float8)`,
    )
    .join(", ")}) as cw(id, starts_at, horizon, reach)`;

  // One transaction. As a superuser (the test server, PGlite) it skips the foreign-key triggers, which
  // would otherwise take most of the load's time (three lookups per check-in): every reference is built
  // to hold, and `danglingReferences` checks them all, set-based, before the transaction commits.
  const superuser =
    rows<{ on: string }>(await db.execute(sql`select current_setting('is_superuser') as on`))[0]?.on === "on";
  await db.transaction(async (tx) => {
    exec = tx;
    await tx.execute(sql`set local jit = off`);
    if (superuser) await tx.execute(sql`set local session_replication_role = replica`);
    const epoch = `'${cycleRows[0]?.start}'::timestamptz`;
    await step(
      "organization",
      `insert into organizations (id, name, slug, created_at, updated_at)
       values (${org}, 'Company at scale ${size.scale}', '${ns}', ${epoch}, ${epoch})`,
    );

    // People: person 0 is an admin, persons 1..teams-1 lead a team (managers), every hundredth is a viewer.
    await step(
      "users",
      `insert into users (id, email, name, password_hash, created_at, updated_at)
       select ${user("u")}, 'person' || u || '@${ns}.example',
         (${textArray(FIRST_NAMES)})[1 + u % ${FIRST_NAMES.length}] || ' ' || (${textArray(LAST_NAMES)})[1 + (u / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}] || ' ' || u,
         '${passwordHash}', ${epoch} + make_interval(secs => u), ${epoch}
       from generate_series(0, ${P - 1}) u`,
    );
    await step(
      "memberships",
      `insert into memberships (id, organization_id, user_id, role, created_at, updated_at)
       select ${uid("membership", "u")}, ${org}, ${user("u")},
         (case when u = 0 then 'admin' when u < ${T} then 'manager' when u % 100 = 99 then 'viewer' else 'member' end)::role,
         ${epoch} + make_interval(secs => u), ${epoch}
       from generate_series(0, ${P - 1}) u`,
    );

    // Teams in a tree of eight children each: team 0 is the company, then divisions, departments, teams.
    await step(
      "teams",
      `insert into teams (id, organization_id, parent_id, name, created_at, updated_at)
       select ${team("t")}, ${org}, case when t = 0 then null else ${team("(t - 1) / 8")} end,
         case when t = 0 then 'Company' else 'Team ' || lpad(t::text, 3, '0') || ' ' || (${textArray(TOPICS)})[1 + t % ${TOPICS.length}] end,
         ${epoch}, ${epoch}
       from generate_series(0, ${T - 1}) t`,
    );
    // Everyone is in team (person mod teams), led by its first person; every fifth person of the rest is in a second team.
    await step(
      "team_members",
      `insert into team_members (organization_id, team_id, user_id, role, created_at)
       select ${org}, ${team(`u % ${T}`)}, ${user("u")}, (case when u < ${T} then 'lead' else 'member' end)::team_member_role,
         ${epoch}
       from generate_series(0, ${P - 1}) u
       union all
       select ${org}, ${team(`(u * 7 + 3) % ${T}`)}, ${user("u")}, 'member'::team_member_role, ${epoch}
       from generate_series(${T}, ${P - 1}) u
       where u % 5 = 0 and (u * 7 + 3) % ${T} <> u % ${T}`,
    );

    await step(
      "cycles",
      `insert into cycles (id, organization_id, name, starts_on, ends_on, status, created_at, updated_at)
       values ${cycleRows
         .map(
           (c) =>
             `(${uid("cycle", String(c.index))}, ${org}, '${c.name}', '${c.startsOn}', '${c.endsOn}', '${c.status}', '${c.start}', '${c.start}')`,
         )
         .join(", ")}`,
    );

    // The scorecard: 4 perspectives, strategic objectives round-robin under them.
    await step(
      "perspectives",
      `insert into perspectives (id, organization_id, name, position, weight, created_at, updated_at)
       select ${uid("perspective", "p")}, ${org}, (${textArray(PERSPECTIVES)})[1 + p % 4] || case when p >= 4 then ' ' || p else '' end,
         p, case when p % 4 = 0 then 2 else 1 end, ${epoch}, ${epoch}
       from generate_series(0, ${size.perspectives - 1}) p`,
    );
    await step(
      "strategic_objectives",
      `insert into strategic_objectives (id, organization_id, perspective_id, name, description, owner_id, weight, created_at, updated_at)
       select ${uid("strategic", "s")}, ${org}, ${uid("perspective", `s % ${size.perspectives}`)},
         'SO ' || lpad((s + 1)::text, 3, '0') || ' ' || (${textArray(VERBS)})[1 + s % ${VERBS.length}] || ' ' || (${textArray(TOPICS)})[1 + (s / ${VERBS.length}) % ${TOPICS.length}],
         'Strategic objective ' || (s + 1) || ' of the scorecard.', ${user(`s % ${T}`)}, 1 + (s % 3) * 0.5,
         ${epoch}, ${epoch}
       from generate_series(0, ${S - 1}) s`,
    );

    // Objectives: per cycle, company ones first, then one per team, then personal ones; g = cycle * O + j.
    // Team objectives align to a company objective, personal ones to their owner's team objective (1 in 20 to none).
    const j = `(g % ${O})`;
    const c = `(g / ${O})`;
    const t = `(${j} - ${CO})`;
    const p = `(${j} - ${CO + TO})`;
    const personalOwner = `(${p} % ${P})`;
    const level = `case when ${j} < ${CO} then 'company' when ${j} < ${CO + TO} then 'team' else 'personal' end`;
    await step(
      "objectives",
      `insert into objectives (id, organization_id, cycle_id, level, title, description, owner_id, team_id, parent_id,
         status, visibility, progress_source, strategic_objective_id, weight, progress_stale, created_at, updated_at)
       select ${objective("g")}, ${org}, ${uid("cycle", c)}, (${level})::objective_level,
         (${textArray(VERBS)})[1 + (g / 3) % ${VERBS.length}] || ' ' || (${textArray(TOPICS)})[1 + g % ${TOPICS.length}] || ' (' || g || ')',
         'Why: objective ' || g || ' of ' || ${c} || ', a ' || (${level}) || ' objective that matters this quarter.',
         case when ${j} < ${CO} then ${user(`${j} % ${T}`)} when ${j} < ${CO + TO} then ${user(t)} else ${user(personalOwner)} end,
         case when ${j} < ${CO} then null when ${j} < ${CO + TO} then ${team(t)} else ${team(`${personalOwner} % ${T}`)} end,
         case when ${j} < ${CO} then null
           when ${j} < ${CO + TO} then ${objective(`${c} * ${O} + ${t} % ${CO}`)}
           when ${p} % 20 = 0 then null
           else ${objective(`${c} * ${O} + ${CO} + (${personalOwner} % ${T}) % ${TO}`)} end,
         (case when ${j} >= ${CO} and ${j} % 100 = 11 then 'archived'
           when ${c} < ${C - 1} then 'closed'
           when ${j} >= ${CO} and ${j} % 20 = 7 then 'draft'
           else 'active' end)::objective_status,
         (case when ${j} >= ${CO} and ${j} % 50 = 3 then 'private' else 'public' end)::visibility,
         (case when ${j} < ${CO + TO} then 'both' else 'key_results' end)::progress_source,
         case when ${j} < ${CO} then ${uid("strategic", `${j} % ${S}`)}
           when ${j} < ${CO + TO} and ${t} % 4 = 0 then ${uid("strategic", `(${t} / 4) % ${S}`)} end,
         1, true,
         (${`(${textArray(cycleRows.map((r) => r.start))})`})[1 + ${c}]::timestamptz + make_interval(secs => ${j}),
         (${`(${textArray(cycleRows.map((r) => r.start))})`})[1 + ${c}]::timestamptz + make_interval(secs => ${j})
       from generate_series(0, ${C * O - 1}) g`,
    );

    // Key results: 4 per objective, owned by its owner (a team objective's by its team's members).
    // Values follow each one's check-ins: the latest check-in's value and confidence, as a check-in writes them.
    // Each key result's parameters come from md5 of its id, computed once (OFFSET 0 keeps the planner from
    // inlining the subquery and so recomputing them per use): `a` how much of the plan it achieves, `n` its
    // check-ins (12 or 13), `cb`/`co` its confidence level and wobble.
    const params = (id: string) => `${bits(`md5(${id}::text)`, 1)} as h1, ${bits(`md5(${id}::text)`, 8)} as h2`;
    const paramColumns = (q: string) =>
      `(0.3 + ${q}.h1 % 91 / 100.0) as a, 12 + ${q}.h2 % 2 as n, 2 + ${q}.h1 % 9 as cb, ${q}.h2 % 3 as co`;
    // The fraction of the cycle elapsed at check-in w of n (the last one just before the horizon).
    const elapsedAt = (w: string) => `(cw.reach * (${w})::float8 / (p.n + 0.5))`;
    const valueAt = (w: string) => {
      const done = `(p.a * ${elapsedAt(w)})`;
      return `round((case p.type
        when 'increase_to' then p.start_value + (p.target_value - p.start_value) * ${done}
        when 'decrease_to' then p.start_value + (p.target_value - p.start_value) * ${done}
        when 'percentage' then least(100, 100 * ${done})
        when 'milestone' then case when ${done} >= 0.85 then 1 else 0 end end)::numeric, 1)::float8`;
    };
    const confidenceAt = (w: string) => `greatest(0, least(10, p.cb + (p.co + ${w}) % 3 - 1))`;
    const checkInAt = (w: string) => `cw.starts_at + (cw.horizon - cw.starts_at) * ((${w})::float8 / (p.n + 0.5))`;
    await step(
      "key_results",
      `insert into key_results (id, organization_id, objective_id, title, type, start_value, target_value, current_value,
         current_confidence, last_check_in_at, unit, unit_label, weight, owner_id, created_at, updated_at)
       select p.id, p.organization_id, p.objective_id, p.title, p.type::key_result_type, p.start_value, p.target_value,
         case when p.checked then ${valueAt("p.n")} end,
         case when p.checked then ${confidenceAt("p.n")} end,
         case when p.checked then ${checkInAt("p.n")} end,
         p.unit::key_result_unit, p.unit_label, p.weight, p.owner_id, p.created_at, p.created_at
       from (
         select y.*, ${paramColumns("x0")} from (
           select ${uid("key-result", "o.id::text || ':' || r")} as id, o.organization_id, o.id as objective_id, o.cycle_id,
             'Key result ' || (r + 1) || ': ' || (${textArray(["ship", "reach", "cut", "keep", "hit"])})[1 + r] || ' ' || (${textArray(TOPICS)})[1 + (r + length(o.title)) % ${TOPICS.length}] as title,
             case r when 0 then 'increase_to' when 1 then 'percentage' when 2 then 'increase_to'
               else case when o.milestone then 'milestone' else 'decrease_to' end end as type,
             case r when 2 then 20 when 3 then case when o.milestone then 0 else 100 end else 0 end::float8 as start_value,
             case r when 2 then 120 when 3 then case when o.milestone then 1 else 40 end else 100 end::float8 as target_value,
             case r when 1 then 'percent' when 2 then 'currency' when 3 then 'custom' else 'number' end as unit,
             case r when 2 then 'EUR' when 3 then 'days' else '' end as unit_label,
             case when r = 0 then 2 else 1 end::float8 as weight,
             case when o.level = 'team' and r > 0 then coalesce((
               select tm.user_id from team_members tm
               where tm.organization_id = o.organization_id and tm.team_id = o.team_id order by tm.user_id offset r limit 1
             ), o.owner_id) else o.owner_id end as owner_id,
             o.created_at + make_interval(secs => r / 10.0) as created_at,
             o.status <> 'draft' as checked
           from (select o.*, ${bits("md5(o.id::text)", 3)} % 5 = 0 as milestone from objectives o
             where o.organization_id = ${org} offset 0) o
           cross join generate_series(0, ${KR - 1}) r
           offset 0
         ) y cross join lateral (select ${params("y.id")}) x0
         offset 0
       ) p join ${cycleWindows} on cw.id = p.cycle_id`,
    );

    // Check-ins: 12 or 13 per key result of a published objective, spread over the cycle (up to today in the open one).
    // Their ids and idempotency keys extend two md5s per key result with the check-in's number w, which is also
    // its seq: the last (w = n) is the newest, the one the key result's current value above mirrors.
    const extend = (hash: string) =>
      `(substr(${hash}, 1, 12) || '4' || substr(${hash}, 14, 3) || '8' || substr(${hash}, 18, 11) || lpad(to_hex(w), 4, '0'))::uuid`;
    await step(
      "check_ins",
      `insert into check_ins (id, organization_id, key_result_id, author_id, value, confidence, comment, idempotency_key, seq, created_at)
       select ${extend("p.id_hash")}, p.organization_id, p.id, p.owner_id, ${valueAt("w")}, ${confidenceAt("w")},
         case when w % 4 = 0 then 'Week ' || w || ': on it.' else '' end,
         ${extend("p.key_hash")}, w, ${checkInAt("w")}
       from (
         select kr.id, kr.organization_id, kr.owner_id, kr.type, kr.start_value, kr.target_value, o.cycle_id,
           md5('${ns}:check-in:' || kr.id::text) as id_hash, md5('${ns}:idempotency:' || kr.id::text) as key_hash,
           ${paramColumns("x0")}
         from key_results kr
         join objectives o on o.organization_id = kr.organization_id and o.id = kr.objective_id
         cross join lateral (select ${params("kr.id")}) x0
         where kr.organization_id = ${org} and kr.current_value is not null
         offset 0
       ) p
       join ${cycleWindows} on cw.id = p.cycle_id
       cross join lateral generate_series(1, p.n) w`,
    );

    // KPIs: monthly, round-robin over the strategic objectives (one in fifty linked to none, one in a hundred archived).
    const base = `(20 + (k * 37) % 80)::float8`;
    const lower = "k % 5 = 4";
    const summed = "k % 3 = 0";
    await step(
      "kpis",
      `insert into kpis (id, organization_id, name, description, unit, direction, frequency, aggregation, goal, red_flag,
         owner_id, strategic_objective_id, weight, archived_at, created_at, updated_at)
       select ${uid("kpi", "k")}, ${org},
         'KPI ' || lpad((k + 1)::text, 4, '0') || ' ' || (${textArray(KPI_NOUNS)})[1 + k % ${KPI_NOUNS.length}],
         'Measured monthly.', (${textArray(["", "%", "EUR", "days"])})[1 + k % 4],
         (case when ${lower} then 'lower_is_better' else 'higher_is_better' end)::kpi_direction, 'monthly',
         (${textArray(["sum", "average", "last"])})[1 + k % 3]::kpi_aggregation,
         ${base} * (case when ${summed} then 3 else 1 end) * (case when ${lower} then 0.9 else 1 end),
         ${base} * (case when ${summed} then 3 else 1 end) * (case when ${lower} then 1.1 else 0.8 end),
         ${user(`k % ${T}`)}, case when k % 50 = 49 then null else ${uid("strategic", `k % ${S}`)} end,
         1 + (k % 2), case when k % 100 = 98 then '${now.toISOString()}'::timestamptz end,
         ${epoch}, ${epoch}
       from generate_series(0, ${K - 1}) k`,
    );
    // 27 months of actuals, ending with the month before today's.
    const firstMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - size.months, 1));
    await step(
      "kpi_actuals",
      `insert into kpi_actuals (id, organization_id, kpi_id, period_start, value, source, created_at, updated_at)
       select ${uid("actual", `k || ':' || m`)}, ${org}, ${uid("kpi", "k")},
         ('${isoDay(firstMonth)}'::date + make_interval(months => m))::date,
         round((${base} * (0.65 + (${bits(`md5('${ns}:' || k || ':' || m)`, 1)} % 61) / 100.0))::numeric, 2)::float8,
         'manual', '${isoDay(firstMonth)}'::date + make_interval(months => m + 1), '${isoDay(firstMonth)}'::date + make_interval(months => m + 1)
       from generate_series(0, ${K - 1}) k cross join generate_series(0, ${size.months - 1}) m`,
    );
    // One KPI in ten has its own goal and red flag this quarter.
    await step(
      "kpi_targets",
      `insert into kpi_targets (id, organization_id, kpi_id, period_start, goal, red_flag)
       select ${uid("target", "i")}, ${org}, k.id, '${isoDay(quarterStart(0))}', k.goal * 1.1, k.red_flag * 1.1
       from generate_series(0, ${K - 1}, 10) i
       join kpis k on k.id = ${uid("kpi", "i")}`,
    );
    // Fresh statistics: the planner then checks references (and the benchmark reads) with hash joins.
    const analyzeStarted = performance.now();
    await tx.execute(sql`analyze`);
    timings.analyze = Math.round(performance.now() - analyzeStarted);
    if (superuser) {
      await tx.execute(sql`set local session_replication_role = origin`);
      const started = performance.now();
      const dangling = await danglingReferences(tx);
      timings.referenceCheck = Math.round(performance.now() - started);
      if (dangling.length) throw new Error(`generated rows break references: ${dangling.join(", ")}`);
    }
  });
  exec = db;

  const ids = rows<Record<string, string>>(
    await db.execute(
      sql.raw(`select ${org}::text as org, ${user("0")}::text as admin, ${user(String(T + 5))}::text as member,
        ${team(String(5 % T))}::text as team, ${uid("cycle", String(C - 1))}::text as cycle,
        ${objective(String((C - 1) * O))}::text as company_objective,
        ${objective(String((C - 1) * O + CO + ((5 % T) % TO)))}::text as team_objective,
        ${uid("kpi", "0")}::text as kpi`),
    ),
  )[0];
  if (!ids) throw new Error("the generated ids could not be read back");
  const counted = rows<Record<string, number | string>>(
    await db.execute(
      sql.raw(
        `select ${[
          "users",
          "memberships",
          "teams",
          "team_members",
          "cycles",
          "objectives",
          "key_results",
          "check_ins",
          "perspectives",
          "strategic_objectives",
          "kpis",
          "kpi_actuals",
          "kpi_targets",
        ]
          .map(
            (table) =>
              `(select count(*) from ${table} where ${table === "users" ? `email like '%@${ns}.example'` : `organization_id = ${org}`})::int as ${table}`,
          )
          .join(", ")}`,
      ),
    ),
  )[0];
  const counts = Object.fromEntries(Object.entries(counted ?? {}).map(([k, v]) => [k, Number(v)]));
  return {
    organizationId: ids.org ?? "",
    size,
    adminEmail: `person0@${ns}.example`,
    adminUserId: ids.admin ?? "",
    memberEmail: `person${T + 5}@${ns}.example`,
    memberUserId: ids.member ?? "",
    teamId: ids.team ?? "",
    openCycleId: ids.cycle ?? "",
    companyObjectiveId: ids.company_objective ?? "",
    teamObjectiveId: ids.team_objective ?? "",
    kpiId: ids.kpi ?? "",
    counts,
    timings,
  };
}

/** Every foreign key of the generated tables, checked at once: the ones whose rows point at nothing. */
async function danglingReferences(db: Executor): Promise<string[]> {
  const checks: [string, string, string, string][] = [
    ["memberships", "user_id", "users", "id"],
    ["memberships", "organization_id", "organizations", "id"],
    ["teams", "parent_id", "teams", "id"],
    ["team_members", "team_id", "teams", "id"],
    ["team_members", "user_id", "users", "id"],
    ["cycles", "organization_id", "organizations", "id"],
    ["perspectives", "organization_id", "organizations", "id"],
    ["strategic_objectives", "perspective_id", "perspectives", "id"],
    ["strategic_objectives", "owner_id", "users", "id"],
    ["objectives", "cycle_id", "cycles", "id"],
    ["objectives", "owner_id", "users", "id"],
    ["objectives", "team_id", "teams", "id"],
    ["objectives", "parent_id", "objectives", "id"],
    ["objectives", "strategic_objective_id", "strategic_objectives", "id"],
    ["key_results", "objective_id", "objectives", "id"],
    ["key_results", "owner_id", "users", "id"],
    ["check_ins", "key_result_id", "key_results", "id"],
    ["check_ins", "author_id", "users", "id"],
    ["check_ins", "organization_id", "organizations", "id"],
    ["kpis", "owner_id", "users", "id"],
    ["kpis", "strategic_objective_id", "strategic_objectives", "id"],
    ["kpi_actuals", "kpi_id", "kpis", "id"],
    ["kpi_targets", "kpi_id", "kpis", "id"],
  ];
  const result = rows<Record<string, boolean>>(
    await db.execute(
      sql.raw(
        `select ${checks
          .map(
            ([table, column, target, key], i) =>
              `exists (select 1 from ${table} c where c.${column} is not null and not exists (select 1 from ${target} t where t.${key} = c.${column})) as c${i}`,
          )
          .join(", ")}`,
      ),
    ),
  )[0];
  return checks.flatMap(([table, column], i) => (result?.[`c${i}`] ? [`${table}.${column}`] : []));
}

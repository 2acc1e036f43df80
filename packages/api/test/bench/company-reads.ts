/**
 * The reads of a company at full size (2,000 people, 20,000 objectives, ~1M
 * check-ins, 2,000 KPIs) and at a tenth of it, each measured through
 * `createCaller` against a hand-written SQL statement returning the same rows,
 * in the same run: paired and interleaved (and both sizes together, read by
 * read), medians of N runs, statements per API read, KB of the answer. Writes
 * artifacts/bench/company-reads-<scale>.md and company-reads-growth.md.
 *
 *   pnpm --filter @meridian/api bench:company     (or `pnpm bench`, which runs it after the Vitest benches)
 *
 * BENCH_SCALE   0.1 or 1 (or any scale in (0, 10]); both, a tenth first, when unset.
 * BENCH_RUNS    timed pairs per read (default 21); BENCH_WARMUP untimed pairs before them (default 60: prepared
 *               statements get their generic plans on every pooled connection, as in a running server. postgres.js
 *               hands queries to its open connections in turn, the tree's parallel statements open all ten, and a
 *               statement is planned afresh on its first five runs on each: ten pairs left every read and baseline
 *               measured on custom plans, two to four times slower than on a running server).
 * BENCH_READ_SECONDS  stop a read's timed pairs after this long, with at least 5 (default 45).
 * DATABASE_URL  each scale gets a fresh database on this server, dropped at the end; without it only
 *               the tenth runs, on in-memory PGlite.
 * BENCH_DATABASE_PREFIX  the name those databases start with (default meridian_bench).
 * BENCH_READS   only the reads whose name contains one of these comma-separated words (all when unset).
 *
 * The company also runs marketing (seedMarketing: 500 campaigns with weekly results, 100 experiments of 90 days
 * with daily results per variant and metric, at scale 1): the experiment page, the experiments list and the
 * marketing dashboard are read beside the OKR and scorecard reads.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { type Database, type DatabaseHandle, migrate, openDatabase, sql, workspaceRoot } from "@meridian/db";
import { type SeededCompany, type SeededMarketing, seedCompany, seedMarketing } from "@meridian/db/testing";
import {
  CAMPAIGN_CHANNELS,
  EXPERIMENT_PAGE_SIZE,
  PROGRESS_STATUSES,
  periodContaining,
  quarterAt,
  quarterContaining,
  quartersEndingAt,
  todayIso,
} from "@meridian/domain";
import postgres from "postgres";
import { refreshStaleRollups } from "../../src/modules/okr/objective-rollup";
import { type Caller, callerFor } from "../support/callers";
import * as answers from "./company-answers";
import {
  branchBaseline,
  dashboardBaseline,
  getBaseline,
  kpiListBaseline,
  listBaseline,
  PAGE,
  type Row,
  type Statement,
  teamsListBaseline,
  treeBaseline,
} from "./company-baselines";
import * as marketingAnswers from "./marketing-answers";
import { experimentBaseline, experimentListBaseline, marketingDashboardBaseline } from "./marketing-baselines";
import { BENCH_STATEMENT_TIMEOUT_MS } from "./statement-timeout";

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const RUNS = env("BENCH_RUNS", 21);
const WARMUP = env("BENCH_WARMUP", 60);
const READ_SECONDS = env("BENCH_READ_SECONDS", 45);
const SERVER = process.env.DATABASE_URL;
const ONLY = (process.env.BENCH_READS ?? "")
  .split(",")
  .map((w) => w.trim())
  .filter(Boolean);
const PREFIX = (process.env.BENCH_DATABASE_PREFIX ?? "meridian_bench").replace(/\W/g, "_");

/** A fresh database for one scale, the way the app opens one (pool of 10), and a count of the statements it runs. */
interface BenchDatabase extends DatabaseHandle {
  label: string;
  /** Statements sent so far, by anyone. */
  statements(): number;
  /** One statement, as written, through the same client. */
  raw(statement: Statement): Promise<Row[]>;
}

async function freshDatabase(scale: number): Promise<BenchDatabase> {
  let count = 0;
  if (!SERVER) {
    const handle = openDatabase({ pgliteDataDir: "memory://" });
    await migrate(handle.db);
    const client = (handle.db as unknown as { $client: PGliteLike }).$client;
    // Drizzle calls the instance's own query (and exec): counting wrappers see every statement.
    const methods = client as unknown as Record<"query" | "exec", (...args: unknown[]) => Promise<unknown>>;
    for (const method of ["query", "exec"] as const) {
      const original = methods[method].bind(client);
      methods[method] = (...args: unknown[]) => {
        count++;
        return original(...args);
      };
    }
    return {
      ...handle,
      label: "PGlite (in memory)",
      statements: () => count,
      raw: async ({ text, params }) => (await client.query(text, params)).rows as Row[],
    };
  }
  const name = `${PREFIX}_${String(scale).replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  let version = "";
  try {
    await admin.unsafe(`create database ${name}`);
    version = String((await admin.unsafe("show server_version"))[0]?.server_version ?? "");
  } finally {
    await admin.end();
  }
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), statementTimeoutMs: BENCH_STATEMENT_TIMEOUT_MS });
  await migrate(handle.db);
  // postgres.js reads `debug` from its options on every query it sends: the count sees every statement.
  const client = (handle.db as unknown as { $client: postgres.Sql }).$client;
  (client.options as { debug?: unknown }).debug = () => {
    count++;
  };
  return {
    ...handle,
    label: `PostgreSQL ${version}`,
    statements: () => count,
    raw: async ({ text, params }) =>
      [...(await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }))] as Row[],
    async close() {
      await handle.close();
      const cleanup = postgres(SERVER, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

interface PGliteLike {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

interface Read {
  name: string;
  as: "member" | "admin";
  api: () => Promise<unknown>;
  sql: () => Statement;
  /** Where the API's answer and the baseline's rows differ, or null. */
  differs: (answer: unknown, rows: Row[]) => string | null;
  /** How many items the answer's list holds (objectives, roots, aligned objectives, strategic objectives, KPIs). */
  items: (answer: Any) => number;
}

// biome-ignore lint/suspicious/noExplicitAny: answers are counted structurally.
type Any = any;
const length = (x: unknown) => (Array.isArray(x) ? x.length : 0);

interface Measured {
  name: string;
  as: string;
  apiMs: number;
  sqlMs: number;
  statements: string;
  kb: number;
  sqlKb: number;
  runs: number;
  items: number;
  same: string | null;
  error?: string;
}

function failed(read: Read, error: unknown): Measured {
  const message =
    error instanceof Error
      ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ""}`
      : String(error);
  return {
    name: read.name,
    as: read.as,
    apiMs: 0,
    sqlMs: 0,
    statements: "–",
    kb: 0,
    sqlKb: 0,
    runs: 0,
    items: 0,
    same: null,
    error: message,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

interface Context {
  db: BenchDatabase;
  read: Read;
}

/**
 * One read at every scale, measured together: the API's answer checked against the baseline's rows,
 * warm-up pairs, then timed rounds in which every scale's API read and baseline run once each, in an
 * order reversed every other round, so drift in the machine's load falls alike on API and SQL and on
 * both sizes. Medians of each. A scale whose read fails is reported failed; the others go on.
 */
async function measureAcross(contexts: Context[]): Promise<Measured[]> {
  const results: (Measured | null)[] = contexts.map(() => null);
  const live: {
    index: number;
    statement: Statement;
    first: unknown;
    rows: Row[];
    same: string | null;
    api: number[];
    sql: number[];
    counts: Set<number>;
  }[] = [];
  for (const [index, { db, read }] of contexts.entries()) {
    try {
      const statement = read.sql();
      const first = await read.api();
      const rows = await db.raw(statement);
      const same = read.differs(first, rows);
      for (let i = 0; i < WARMUP; i++) {
        await read.api();
        await db.raw(statement);
      }
      live.push({ index, statement, first, rows, same, api: [], sql: [], counts: new Set() });
    } catch (error) {
      results[index] = failed(read, error);
    }
  }
  const started = performance.now();
  for (let round = 0; round < RUNS && live.length; round++) {
    const steps = live.flatMap((m) => {
      const { db, read } = contexts[m.index] as Context;
      const api = async () => {
        const before = db.statements();
        const { ms } = await timed(read.api);
        m.counts.add(db.statements() - before);
        m.api.push(ms);
      };
      const baseline = async () => {
        m.sql.push((await timed(() => db.raw(m.statement))).ms);
      };
      return [
        { m, run: api },
        { m, run: baseline },
      ];
    });
    for (const step of round % 2 === 0 ? steps : steps.reverse()) {
      if (results[step.m.index]) continue;
      try {
        await step.run();
      } catch (error) {
        results[step.m.index] = failed((contexts[step.m.index] as Context).read, error);
      }
    }
    if (round >= 4 && performance.now() - started > READ_SECONDS * 1000 * contexts.length) break;
  }
  for (const m of live) {
    if (results[m.index]) continue;
    const read = (contexts[m.index] as Context).read;
    const counts = [...m.counts].sort((a, b) => a - b);
    results[m.index] = {
      name: read.name,
      as: read.as,
      apiMs: median(m.api),
      sqlMs: median(m.sql),
      statements: counts.length > 1 ? `${counts[0]}–${counts.at(-1)}` : String(counts[0] ?? "?"),
      kb: JSON.stringify(m.first).length / 1024,
      sqlKb: JSON.stringify(m.rows).length / 1024,
      runs: m.api.length,
      items: read.items(m.first),
      same: m.same,
    };
  }
  return results.map((r, i) => r ?? failed((contexts[i] as Context).read, "not measured"));
}

/** How the API answers where it is changing in a shared checkout: the baselines follow it. */
interface Shapes {
  kpisPaged: boolean;
  treeHasKpis: boolean;
}

function readsOf(
  company: SeededCompany,
  marketing: SeededMarketing,
  callers: Record<"member" | "admin", Caller>,
  shapes: Shapes,
): Read[] {
  const { kpisPaged } = shapes;
  const now = () => new Date();
  const userOf = (as: "member" | "admin") => (as === "admin" ? company.adminUserId : company.memberUserId);
  const today = todayIso();
  const reads: Read[] = [];
  for (const as of ["member", "admin"] as const) {
    const caller = callers[as];
    const user = userOf(as);
    reads.push({
      name: "objectives.list (one team)",
      as,
      api: () => caller.objectives.list({ teamId: company.teamId }),
      sql: () => listBaseline(user, now(), { teamId: company.teamId }),
      differs: (a, rows) => answers.firstDifference(answers.listFromApi(a), answers.listFromSql(rows, PAGE)),
      items: (a) => length(a?.objectives),
    });
    if (as === "member") {
      reads.push({
        name: "objectives.list (first page of the cycle)",
        as,
        api: () => caller.objectives.list({}),
        sql: () => listBaseline(user, now(), {}),
        differs: (a, rows) => answers.firstDifference(answers.listFromApi(a), answers.listFromSql(rows, PAGE)),
        items: (a) => length(a?.objectives),
      });
      reads.push({
        name: 'objectives.list (search "onboarding", at risk)',
        as,
        api: () => caller.objectives.list({ q: "onboarding", atRisk: true }),
        sql: () => listBaseline(user, now(), { q: "onboarding", atRisk: true }),
        differs: (a, rows) => answers.firstDifference(answers.listFromApi(a), answers.listFromSql(rows, PAGE)),
        items: (a) => length(a?.objectives),
      });
    }
    reads.push({
      name: "objectives.get (a team objective)",
      as,
      api: () => caller.objectives.get({ objectiveId: company.teamObjectiveId }),
      sql: () => getBaseline(user, now(), company.teamObjectiveId),
      differs: (a, rows) => answers.firstDifference(answers.objectiveFromApi(a), answers.objectiveFromSql(rows, PAGE)),
      items: (a) => length(a?.aligned),
    });
    reads.push({
      name: "objectives.dashboard (totals, first page of roots)",
      as,
      api: () => caller.objectives.dashboard({}),
      sql: () => dashboardBaseline(user, now()),
      differs: (a, rows) =>
        answers.firstDifference(answers.dashboardFromApi(a), answers.dashboardFromSql(rows, PAGE, PROGRESS_STATUSES)),
      items: (a) => length(a?.roots),
    });
    reads.push({
      name: "objectives.branch (a company objective)",
      as,
      api: () => caller.objectives.branch({ objectiveId: company.companyObjectiveId }),
      sql: () => branchBaseline(user, now(), company.companyObjectiveId),
      differs: (a, rows) => answers.firstDifference(answers.branchFromApi(a), answers.branchFromSql(rows, PAGE)),
      items: (a) => length(a?.aligned),
    });
  }
  const member = callers.member;
  reads.push({
    name: "teams.list (every team, head counts, own role)",
    as: "member",
    api: () => member.teams.list(),
    sql: () => teamsListBaseline(company.memberUserId),
    differs: (a, rows) => answers.firstDifference(answers.teamsFromApi(a), answers.teamsFromSql(rows)),
    items: (a) => length(a),
  });
  const quarters = quartersEndingAt(today, 8).map((q) => q.start);
  reads.push({
    name: shapes.treeHasKpis ? "scorecard.tree (8 quarters, KPIs inline)" : "scorecard.tree (8 quarters, KPI counts)",
    as: "member",
    api: () => member.scorecard.tree({}),
    sql: () => treeBaseline(company.memberUserId, quarters, shapes.treeHasKpis, today),
    differs: (a, rows) => answers.firstDifference(answers.treeFromApi(a), answers.treeFromSql(rows)),
    items: (a) => (a?.perspectives ?? []).reduce((n: number, p: Any) => n + length(p.objectives), 0),
  });
  const kpiLimit = kpisPaged ? PAGE : null;
  reads.push({
    name: kpisPaged ? "kpis.list (first page)" : "kpis.list (every live KPI)",
    as: "member",
    // biome-ignore lint/suspicious/noExplicitAny: before paging kpis.list took {} and answered an array.
    api: () => (member.kpis.list as (input: any) => Promise<unknown>)({}),
    sql: () =>
      kpiListBaseline(
        company.memberUserId,
        quarterContaining(today).start,
        today,
        quarterAt(today, 1 - 8).start,
        kpiLimit,
      ),
    differs: (a, rows) => answers.firstDifference(answers.kpiListFromApi(a), answers.kpiListFromSql(rows, kpiLimit)),
    items: (a) => (Array.isArray(a) ? a.length : length(a?.kpis)),
  });
  reads.push(...marketingReads(company, marketing, member));
  return reads;
}

/** The experiment page, the experiments list page and the marketing dashboard, as the member reads them. */
function marketingReads(company: SeededCompany, marketing: SeededMarketing, member: Caller): Read[] {
  const user = company.memberUserId;
  const today = todayIso();
  const { experimentId } = marketing;
  return [
    {
      name: "experiments.get (90 days, 3 variants, 2 metrics)",
      as: "member",
      api: () => member.experiments.get({ experimentId }),
      sql: () => experimentBaseline(user, experimentId),
      differs: (a, rows) =>
        answers.firstDifference(marketingAnswers.experimentFromApi(a), marketingAnswers.experimentFromSql(rows)),
      items: (a) => length(a?.daily),
    },
    {
      name: "experiments.list (first page)",
      as: "member",
      api: () => member.experiments.list({ limit: EXPERIMENT_PAGE_SIZE }),
      sql: () => experimentListBaseline(user, EXPERIMENT_PAGE_SIZE),
      differs: (a, rows) =>
        answers.firstDifference(
          marketingAnswers.experimentListFromApi(a),
          marketingAnswers.experimentListFromSql(rows, EXPERIMENT_PAGE_SIZE),
        ),
      items: (a) => length(a?.experiments),
    },
    {
      name: "campaigns.dashboard (this quarter)",
      as: "member",
      api: () => member.campaigns.dashboard({}),
      sql: () =>
        marketingDashboardBaseline(
          user,
          quarterContaining(today),
          periodContaining(today, "weekly"),
          CAMPAIGN_CHANNELS,
        ),
      differs: (a, rows) =>
        answers.firstDifference(marketingAnswers.dashboardFromApi(a), marketingAnswers.dashboardFromSql(rows)),
      items: (a) => (a?.channels ?? []).reduce((n: number, c: Any) => n + (c.campaigns ?? 0), 0),
    },
  ];
}

interface ScaleResult {
  scale: number;
  database: string;
  company: SeededCompany;
  marketing: SeededMarketing;
  loadMs: number;
  refreshMs: number;
  vacuumMs: number;
  /** The machine's 1-minute load average before and after the measurements. */
  load: [number, number];
  results: Measured[];
}

interface Prepared extends Omit<ScaleResult, "load" | "results"> {
  db: BenchDatabase;
  reads: Read[];
}

/** A fresh database with the company at this scale, its rollups refreshed, settled, and the reads to measure. */
async function prepare(scale: number): Promise<Prepared> {
  const db = await freshDatabase(scale);
  try {
    console.info(`\n— scale ${scale} on ${db.label}: generating the company…`);
    const loadStarted = performance.now();
    const company = await seedCompany(db.db, { scale });
    const marketing = await seedMarketing(db.db, { organizationId: company.organizationId, scale });
    const loadMs = performance.now() - loadStarted;
    const slowest = Object.entries(company.timings)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 3)
      .map(([step, t]) => `${step} ${(t / 1000).toFixed(1)} s`);
    console.info(
      `  loaded in ${(loadMs / 1000).toFixed(1)} s (${slowest.join(", ")}): ${JSON.stringify(company.counts)}, ` +
        `${JSON.stringify(marketing.counts)}`,
    );
    const refreshStarted = performance.now();
    await refreshStaleRollups(db.db as Database);
    const refreshMs = performance.now() - refreshStarted;
    // Settled as a database that has been running: the rollup refresh left a dead version of every objective,
    // and nothing has set hint bits or the visibility map yet (autovacuum would, at a moment of its choosing).
    const vacuumStarted = performance.now();
    await db.db.execute(sql`vacuum (analyze)`);
    const vacuumMs = performance.now() - vacuumStarted;
    console.info(
      `  rollups refreshed in ${(refreshMs / 1000).toFixed(1)} s, vacuumed in ${(vacuumMs / 1000).toFixed(1)} s`,
    );
    const callers = {
      member: await callerFor(db.db, company.memberEmail),
      admin: await callerFor(db.db, company.adminEmail),
    };
    const shapes: Shapes = {
      kpisPaged: await (callers.member.kpis.list as (input: object) => Promise<unknown>)({}).then(
        answers.kpiListPaged,
        () => true,
      ),
      treeHasKpis: await callers.member.scorecard.tree({}).then(answers.treeHasKpis, () => false),
    };
    const reads = readsOf(company, marketing, callers, shapes).filter(
      (read) => !ONLY.length || ONLY.some((word) => read.name.includes(word)),
    );
    return { scale, database: db.label, company, marketing, loadMs, refreshMs, vacuumMs, db, reads };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Every scale prepared, then each read measured at all of them together. */
async function run(scales: number[]): Promise<ScaleResult[]> {
  const prepared: Prepared[] = [];
  try {
    for (const scale of scales) prepared.push(await prepare(scale));
    console.info(`\n— measuring ${scales.length > 1 ? `at ${scales.join(" and ")} together` : `at ${scales[0]}`}`);
    const loadBefore = loadavg()[0] ?? 0;
    const results: Measured[][] = prepared.map(() => []);
    const reads = prepared[0]?.reads ?? [];
    for (const [i, read] of reads.entries()) {
      const contexts = prepared.map((p) => ({ db: p.db, read: p.reads[i] ?? read }));
      const measured = await measureAcross(contexts);
      for (const [k, m] of measured.entries()) {
        results[k]?.push(m);
        console.info(
          m.error
            ? `  ${m.name} as ${m.as} at ${prepared[k]?.scale}: FAILED: ${m.error}`
            : `  ${m.name} as ${m.as} at ${prepared[k]?.scale}: API ${m.apiMs.toFixed(2)} ms, SQL ${m.sqlMs.toFixed(2)} ms, ` +
                `${m.statements} statements${m.same ? `; DIFFERS: ${m.same}` : ""}`,
        );
      }
    }
    const load: [number, number] = [loadBefore, loadavg()[0] ?? 0];
    return prepared.map(({ db: _db, reads: _reads, ...p }, k) => ({ ...p, load, results: results[k] ?? [] }));
  } finally {
    for (const p of prepared) await p.db.close();
  }
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function scaleTable(r: ScaleResult): string {
  const c = r.company.counts;
  const mk = r.marketing.counts;
  const lines = [
    `## Scale ${r.scale}`,
    "",
    `${r.database}, ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, load average ` +
      `${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} during the reads. ${c.users} people, ${c.teams} teams, ${c.objectives} objectives ` +
      `(${r.company.size.objectivesPerCycle} in the open cycle), ${c.key_results} key results, ${c.check_ins} check-ins, ` +
      `${c.kpis} KPIs with ${c.kpi_actuals} actuals, ${mk.campaigns} campaigns with ${mk.campaign_results} weekly results, ` +
      `${mk.experiments} experiments with ${mk.experiment_variants} variants and ${mk.experiment_results} daily results. Generated in ${(r.loadMs / 1000).toFixed(1)} s, ` +
      `rollups refreshed in ${(r.refreshMs / 1000).toFixed(1)} s, VACUUM ANALYZE in ${(r.vacuumMs / 1000).toFixed(1)} s. Medians of ${RUNS} interleaved pairs after ${WARMUP} warm-up pairs.`,
    "",
    "| read | as | API ms | SQL ms | API/SQL | statements | KB | items | same rows |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...r.results.map((m) =>
      m.error
        ? `| ${m.name} | ${m.as} | – | – | – | – | – | – | failed: ${m.error.replace(/\|/g, "\\|").slice(0, 200)} |`
        : `| ${m.name} | ${m.as} | ${ms(m.apiMs)} | ${ms(m.sqlMs)} | ${(m.apiMs / m.sqlMs).toFixed(2)}× | ${m.statements} | ` +
          `${m.kb.toFixed(1)} | ${m.items} | ${m.same ? `no: ${m.same.replace(/\|/g, "\\|")}` : "yes"} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

function growthTable(small: ScaleResult, large: ScaleResult): string {
  const lines = [
    `## Growth from scale ${small.scale} to ${large.scale}`,
    "",
    "Both sizes measured together, read by read, in one interleaved run.",
    "",
    "| read | as | API ms | API growth | SQL growth | statements | KB |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const a of small.results) {
    const b = large.results.find(
      (x) => x.name.split(" (")[0] === a.name.split(" (")[0] && x.name === a.name && x.as === a.as,
    );
    if (!b) continue;
    lines.push(
      `| ${a.name} | ${a.as} | ${ms(a.apiMs)} → ${ms(b.apiMs)} | ${(b.apiMs / a.apiMs).toFixed(2)}× | ` +
        `${(b.sqlMs / a.sqlMs).toFixed(2)}× | ${a.statements} → ${b.statements} | ${a.kb.toFixed(1)} → ${b.kb.toFixed(1)} |`,
    );
  }
  lines.push("");
  return lines.join("\n");
}

function write(name: string, markdown: string) {
  const dir = path.join(workspaceRoot(), "artifacts", "bench");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), markdown);
  console.info(`  written to artifacts/bench/${name}`);
}

const requested = process.env.BENCH_SCALE ? [Number(process.env.BENCH_SCALE)] : [0.1, 1];
const scales = requested.filter((scale) => {
  if (SERVER || scale <= 0.1) return true;
  console.warn(`scale ${scale} needs DATABASE_URL (a PostgreSQL server); only a tenth runs on PGlite`);
  return false;
});
const done = await run(scales);
for (const result of done) {
  const table = scaleTable(result);
  console.info(`\n${table}`);
  write(`company-reads-${result.scale}.md`, `# Company reads\n\n${table}`);
}
const [small, large] = done;
if (small && large) {
  const growth = growthTable(small, large);
  console.info(`\n${growth}`);
  write("company-reads-growth.md", `# Company reads\n\n${growth}`);
}

/**
 * The first answer of every page of the app at the size of a real company: the built app (`next start`)
 * against a fresh database holding seedCompany's company and seedMarketing's campaigns and experiments, at
 * full size unless told, with one review of the open cycle opened; each page fetched signed in (as the role
 * that sees the most of it) the way a browser asks for it first: its whole HTML document, streamed RSC
 * payload included. Reported per page: KB uncompressed and gzip as transferred (the server's own encoding
 * when it compresses, else gzip at level 6 computed here), the share of it that is the RSC payload (the
 * `self.__next_f.push` scripts: the data the page hydrates with), and time to the last byte; pages over
 * 200 KB are flagged. Writes artifacts/bench/page-sizes-<scale>.md.
 *
 *   pnpm --filter @meridian/web bench       (after `pnpm build`; `pnpm bench` from the root builds first)
 *
 * DATABASE_URL           a PostgreSQL server where it may create (and drops) a database; without it, skipped.
 * BENCH_SCALE            the company's size (default 1: 2,000 people, 20,000 objectives, 500 campaigns…).
 * BENCH_DATABASE_PREFIX  the database's name starts with it (default meridian_bench).
 * BENCH_ONLY             a comma-separated list of page names (as in the table) to measure alone.
 * BENCH_KEEP             1: keep the generated database (and its ids, in artifacts/bench) and reuse it on the
 *                        next run instead of generating the company again (full size takes many minutes).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { hashPassword } from "@meridian/auth";
import { migrate, openDatabase, rows, sql } from "@meridian/db";
import { seedCompany, seedMarketing } from "@meridian/db/testing";
import postgres from "postgres";
import { type AppServer, startApp } from "../e2e/support/app-server";

const LIMIT_KB = 200;
const PASSWORD = "bench-password-1";
const SERVER = process.env.DATABASE_URL;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const PREFIX = (process.env.BENCH_DATABASE_PREFIX ?? "meridian_bench").replace(/\W/g, "_");
const KEEP = process.env.BENCH_KEEP === "1";
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const keptFile = path.join(repoRoot, "artifacts", "bench", `page-sizes-${String(SCALE).replace(/\W/g, "_")}.kept.json`);

type Role = "admin" | "manager" | "member";

interface Stop {
  name: string;
  path: string;
  as: Role;
}

interface Measured extends Stop {
  status: number;
  bytes: number;
  gzipBytes: number;
  serverGzip: boolean;
  rscBytes: number;
  largest: { name: string; bytes: number }[];
  ms: number;
}

/** A signed-in visitor: next-auth's credentials sign-in over HTTP, its cookies kept for the page requests. */
class Visitor {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("cookie", this.cookie);
    const response = await fetch(`${this.base}${url}`, { ...init, headers, redirect: "manual" });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (name) this.cookies.set(name.trim(), rest.join("="));
    }
    return response;
  }

  async signIn(email: string): Promise<void> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
      body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
    });
    const { url } = (await response.json()) as { url: string };
    const error = new URL(url).searchParams.get("error");
    if (error) throw new Error(`${email} could not sign in: ${error}`);
  }

  async mutate(procedure: string, input: unknown): Promise<unknown> {
    const response = await this.fetch(`/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.base },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
    if (!response.ok) throw new Error(`${procedure}: HTTP ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return body.result?.data;
  }

  /** The page's first answer as a browser asks for it (gzip accepted), counted as it arrives. */
  page(url: string): Promise<{ status: number; raw: Buffer; encoding: string; ms: number }> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const request = http.get(
        `${this.base}${url}`,
        { headers: { cookie: this.cookie, accept: "text/html", "accept-encoding": "gzip" } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (c: Buffer) => chunks.push(c));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              raw: Buffer.concat(chunks),
              encoding: String(response.headers["content-encoding"] ?? ""),
              ms: performance.now() - started,
            }),
          );
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.setTimeout(120_000, () => request.destroy(new Error(`${url}: no answer in 120 s`)));
    });
  }
}

/** The bytes of the RSC payload the document carries: the `self.__next_f.push(...)` inline scripts. */
function rscBytes(html: string): number {
  let total = 0;
  for (const m of html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)) total += m[0].length;
  return total;
}

/**
 * The largest answers the page prefetched into its RSC payload, by procedure: the flight data's text
 * (the pushed strings, joined) holds the dehydrated queries one after another, each ending with its
 * queryKey, so the text since the previous key is (about) one answer.
 */
function largestQueries(html: string): { name: string; bytes: number }[] {
  let flight = "";
  for (const m of html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)) {
    try {
      const [kind, text] = JSON.parse(m[1] ?? "null") as [number, string?];
      if (kind === 1 && typeof text === "string") flight += text;
    } catch {
      // not a JSON array: skipped
    }
  }
  const sizes = new Map<string, number>();
  let previous = 0;
  for (const m of flight.matchAll(/"queryKey":\[\["([^"]+)","([^"]+)"\]/g)) {
    const name = `${m[1]}.${m[2]}`;
    sizes.set(name, (sizes.get(name) ?? 0) + (m.index - previous));
    previous = m.index + m[0].length;
  }
  return [...sizes]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, 3);
}

async function measure(visitors: Record<Role, Visitor>, stop: Stop): Promise<Measured> {
  const visitor = visitors[stop.as];
  await visitor.page(stop.path); // warm: the first request of a route compiles nothing in production, but fills caches
  const { status, raw, encoding, ms } = await visitor.page(stop.path);
  const { gunzipSync } = await import("node:zlib");
  const body = encoding === "gzip" ? gunzipSync(raw) : raw;
  const html = body.toString("utf8");
  return {
    ...stop,
    status,
    bytes: body.length,
    gzipBytes: encoding === "gzip" ? raw.length : gzipSync(body, { level: 6 }).length,
    serverGzip: encoding === "gzip",
    rscBytes: rscBytes(html),
    largest: largestQueries(html),
    ms,
  };
}

interface Kept {
  ids: Record<string, string>;
  counts: string;
  review: string | null;
}

async function createDatabase(): Promise<{ url: string; kept: Kept | null; drop(): Promise<void> }> {
  if (!SERVER) throw new Error("DATABASE_URL is needed");
  const name = `${PREFIX}_pages_${String(SCALE).replace(/\W/g, "_")}`;
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  let kept: Kept | null = null;
  try {
    if (KEEP && existsSync(keptFile)) {
      const [found] = await admin`select 1 from pg_database where datname = ${name}`;
      if (found) kept = JSON.parse(readFileSync(keptFile, "utf8")) as Kept;
    }
    if (!kept) {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.unsafe(`create database ${name}`);
    }
  } finally {
    await admin.end();
  }
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kept,
    async drop() {
      if (KEEP) return;
      const cleanup = postgres(SERVER, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function table(results: Measured[], counts: string, setupSeconds: number): string {
  const over = results.filter((r) => r.bytes / 1024 > LIMIT_KB);
  return [
    `# First answer of every page, scale ${SCALE}`,
    "",
    `PostgreSQL, ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, load average ${(loadavg()[0] ?? 0).toFixed(1)}. ` +
      `${counts}. Seeded and started in ${setupSeconds.toFixed(0)} s. The built app (next start), signed in; ` +
      `each page's whole HTML document (streamed RSC payload included), the second of two requests. ` +
      `gzip: the server's own encoding where marked, else level 6 computed here.`,
    "",
    `| page | path | as | status | KB | KB gzip | RSC KB | largest prefetched answers (≈ KB in the payload) | ms | over ${LIMIT_KB} KB |`,
    "| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | --- |",
    ...results.map(
      (r) =>
        `| ${r.name} | \`${r.path.replace(/[0-9a-f-]{36}/g, ":id")}\` | ${r.as} | ${r.status} | ${kb(r.bytes)} | ` +
        `${kb(r.gzipBytes)}${r.serverGzip ? " (server)" : ""} | ${kb(r.rscBytes)} | ${r.largest.map((q) => `${q.name} ${kb(q.bytes)}`).join(", ")} | ${r.ms.toFixed(0)} | ${r.bytes / 1024 > LIMIT_KB ? "**over**" : ""} |`,
    ),
    "",
    over.length
      ? `${over.length} of ${results.length} pages over ${LIMIT_KB} KB uncompressed: ${over.map((r) => r.name).join(", ")}.`
      : `Every page under ${LIMIT_KB} KB uncompressed.`,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  if (!SERVER) {
    console.warn("page sizes: skipped (DATABASE_URL names no PostgreSQL server to generate the company on)");
    return;
  }
  const started = performance.now();
  const database = await createDatabase();
  let app: AppServer | null = null;
  try {
    let counts = database.kept?.counts ?? "";
    let ids: Record<string, string> = database.kept?.ids ?? {};
    if (!database.kept) {
      console.info(`page sizes: generating the company at scale ${SCALE}…`);
      const handle = openDatabase({ url: database.url, statementTimeoutMs: 600_000 });
      try {
        await migrate(handle.db);
        const company = await seedCompany(handle.db, { scale: SCALE, passwordHash: await hashPassword(PASSWORD) });
        const marketing = await seedMarketing(handle.db, { organizationId: company.organizationId, scale: SCALE });
        const [campaign] = rows<{ id: string }>(
          await handle.db.execute(
            sql`select id::text from campaigns where organization_id = ${company.organizationId} and status = 'live' order by name limit 1`,
          ),
        );
        // A manager who leads a team (person 1 leads the second team) for the team page; the member of the benchmarks.
        ids = {
          org: company.organizationId,
          cycle: company.openCycleId,
          objective: company.teamObjectiveId,
          kpi: company.kpiId,
          experiment: marketing.experimentId,
          campaign: campaign?.id ?? "",
          admin: company.adminEmail,
          member: company.memberEmail,
          manager: company.adminEmail.replace(/^person0@/, "person1@"),
        };
        const c = company.counts;
        const m = marketing.counts;
        counts =
          `${c.users} people, ${c.teams} teams, ${c.objectives} objectives (${company.size.objectivesPerCycle} in the open cycle), ` +
          `${c.key_results} key results, ${c.check_ins} check-ins, ${c.kpis} KPIs, ${m.campaigns} campaigns, ${m.experiments} experiments`;
      } finally {
        await handle.close();
      }
    }
    console.info(`page sizes: starting the app…`);
    // The app refreshes the generated (stale) rollups as it starts, before it serves a page.
    app = await startApp({ databaseUrl: database.url, unset: ["MERIDIAN_DEMO", "MERIDIAN_SEED_DEMO"] });
    const base = app.baseURL;
    const visitors = { admin: new Visitor(base), manager: new Visitor(base), member: new Visitor(base) };
    await visitors.admin.signIn(ids.admin ?? "");
    await visitors.manager.signIn(ids.manager ?? "");
    await visitors.member.signIn(ids.member ?? "");
    const review = database.kept
      ? { id: database.kept.review ?? undefined }
      : ((await visitors.admin.mutate("reviews.open", { cycleId: ids.cycle })) as { id?: string } | null);
    if (!database.kept) {
      const settle = postgres(database.url, { max: 1, onnotice: () => {} });
      try {
        await settle.unsafe("vacuum analyze");
      } finally {
        await settle.end();
      }
    }
    if (KEEP && !database.kept) {
      mkdirSync(path.dirname(keptFile), { recursive: true });
      writeFileSync(keptFile, JSON.stringify({ ids, counts, review: review?.id ?? null } satisfies Kept));
    }
    const setupSeconds = (performance.now() - started) / 1000;
    const stops: Stop[] = [
      { name: "dashboard", path: "/dashboard", as: "admin" },
      { name: "OKRs list", path: "/okrs", as: "admin" },
      { name: "OKRs board", path: "/okrs?view=board", as: "admin" },
      { name: "alignment", path: "/alignment", as: "admin" },
      { name: "objective page", path: `/objectives/${ids.objective}`, as: "admin" },
      { name: "new objective", path: "/objectives/new", as: "admin" },
      { name: "my OKRs", path: "/my", as: "member" },
      { name: "team page", path: "/team", as: "manager" },
      { name: "admin home", path: "/admin", as: "admin" },
      { name: "scorecard", path: "/scorecard", as: "admin" },
      { name: "strategy map", path: "/strategy-map", as: "admin" },
      { name: "KPIs list", path: "/kpis", as: "admin" },
      { name: "KPI page", path: `/kpis/${ids.kpi}`, as: "admin" },
      { name: "new KPI", path: "/kpis/new", as: "admin" },
      { name: "KPI import", path: "/kpis/import", as: "admin" },
      { name: "reviews", path: "/reviews", as: "admin" },
      ...(review?.id
        ? [
            { name: "review page", path: `/reviews/${review.id}`, as: "admin" as const },
            { name: "review print", path: `/reviews/${review.id}/print`, as: "admin" as const },
          ]
        : []),
      { name: "marketing overview", path: "/marketing", as: "manager" },
      { name: "campaigns", path: "/campaigns", as: "manager" },
      { name: "campaigns, quarter", path: "/campaigns?view=quarter", as: "manager" },
      ...(ids.campaign ? [{ name: "campaign page", path: `/campaigns/${ids.campaign}`, as: "manager" as const }] : []),
      { name: "new campaign", path: "/campaigns/new", as: "manager" },
      { name: "experiments", path: "/experiments", as: "member" },
      { name: "experiment page", path: `/experiments/${ids.experiment}`, as: "member" },
      { name: "new experiment", path: "/experiments/new", as: "member" },
      { name: "settings", path: "/settings", as: "admin" },
      { name: "settings: users", path: "/settings/users", as: "admin" },
      { name: "settings: teams", path: "/settings/teams", as: "admin" },
      { name: "settings: cycles", path: "/settings/cycles", as: "admin" },
      { name: "settings: scorecard", path: "/settings/scorecard", as: "admin" },
      { name: "settings: API tokens", path: "/settings/api-tokens", as: "admin" },
      { name: "settings: audit", path: "/settings/audit", as: "admin" },
      { name: "password", path: "/account/password", as: "member" },
    ];
    const results: Measured[] = [];
    const only = process.env.BENCH_ONLY?.split(",").map((n) => n.trim());
    for (const stop of stops.filter((s) => !only || only.includes(s.name))) {
      const m = await measure(visitors, stop);
      results.push(m);
      console.info(
        `  ${stop.name} (${stop.as}): HTTP ${m.status}, ${kb(m.bytes)} KB, ${kb(m.gzipBytes)} KB gzip, RSC ${kb(m.rscBytes)} KB, ${m.ms.toFixed(0)} ms`,
      );
    }
    const markdown = table(results, counts, setupSeconds);
    console.info(`\n${markdown}`);
    const dir = path.join(repoRoot, "artifacts", "bench");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `page-sizes-${SCALE}.md`), markdown);
    console.info(
      `written to artifacts/bench/page-sizes-${SCALE}.md; ${((performance.now() - started) / 1000).toFixed(0)} s in all`,
    );
    const failed = results.filter((r) => r.status !== 200);
    if (failed.length) {
      console.error(`pages that did not answer 200: ${failed.map((r) => `${r.path} (${r.status})`).join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    if (app) {
      const output = app.output();
      await app.stop();
      if (process.exitCode) console.error(output.slice(-4000));
    }
    await database.drop();
  }
}

await main();

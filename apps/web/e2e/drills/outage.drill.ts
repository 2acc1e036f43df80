import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { createServerDatabase, startApp } from "../support/app-server";
import { DEMO_PASSWORD } from "../support/browser";
import { HttpSession } from "../support/http-session";
import { startTcpProxy } from "../support/tcp-proxy";

/*
 * The outage drill (`pnpm test:drills`): the built app on PostgreSQL under a
 * bounded load (autocannon, 32 connections, 30 s: half reads, half
 * check-ins), with the database cut off in the middle third through a TCP
 * proxy in front of the server (the shared server itself is never
 * restarted). It reports the 5xx answers and whether they were all 503s, how
 * fast the 503s came, how long the app took to serve again once the database
 * was back, and whether every check-in answered 200 is in the database.
 */
const serverUrl = process.env.DATABASE_URL;
const SECONDS = Number(process.env.DRILL_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.DRILL_CONNECTIONS ?? 32);
const CUT_AT_MS = (SECONDS * 1000) / 3;
const RESTORE_AT_MS = (SECONDS * 2000) / 3;
const artifacts = path.resolve(import.meta.dirname, "../../../../artifacts");
const reportFile = path.join(artifacts, "drills.md");

interface Answer {
  at: number;
  status: number;
  ms: number;
}

describe.skipIf(!serverUrl)("outage drill", () => {
  it(`${CONNECTIONS} connections for ${SECONDS} s, the database gone from ${CUT_AT_MS / 1000} s to ${RESTORE_AT_MS / 1000} s`, async () => {
    const database = await createServerDatabase(serverUrl as string, "meridian_drill");
    const target = new URL(serverUrl as string);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const direct = postgres(database.url, { max: 1, onnotice: () => {} });
    const app = await startApp({
      databaseUrl: proxy.urlFor(database.url),
      logFile: path.join(artifacts, "drill-server.log"),
    }).catch(async (error) => {
      await proxy.close();
      await direct.end();
      await database.drop();
      throw error;
    });
    try {
      const admin = new HttpSession({}, app.baseURL);
      expect(await admin.signIn("admin@example.com", DEMO_PASSWORD)).toBeNull();
      const keyResultIds = await checkInTargets(admin, direct);
      expect(keyResultIds.length).toBeGreaterThan(0);

      const acknowledged: string[] = [];
      const refused: string[] = [];
      const answers: Answer[] = [];
      let writes = 0;
      const headers = { cookie: admin.cookieHeader };
      let finish: (result: autocannon.Result) => void = () => {};
      let fail: (error: unknown) => void = () => {};
      const done = new Promise<autocannon.Result>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
      const t0 = performance.now();
      const instance = autocannon(
        {
          url: app.baseURL,
          connections: CONNECTIONS,
          duration: SECONDS,
          pipelining: 1,
          timeout: 10,
          requests: [
            { method: "GET", path: "/api/trpc/me.get", headers },
            {
              method: "POST",
              path: "/api/trpc/checkIns.create",
              headers: { ...headers, "content-type": "application/json", origin: app.baseURL },
              setupRequest(request, context) {
                const key = randomUUID();
                (context as { key?: string }).key = key;
                const keyResultId = keyResultIds[writes++ % keyResultIds.length];
                return {
                  ...request,
                  body: JSON.stringify({ keyResultId, value: 1, confidence: 7, idempotencyKey: key }),
                };
              },
              onResponse(status, _body, context) {
                const key = (context as { key?: string }).key;
                if (!key) return;
                if (status === 200) acknowledged.push(key);
                else refused.push(key);
              },
            },
          ],
        },
        (error, result) => (error ? fail(error) : finish(result)),
      );
      instance.on("response", (_client, status, _bytes, ms) => {
        answers.push({ at: performance.now() - t0, status, ms });
      });
      let cutAt = 0;
      let restoredAt = 0;
      const cut = setTimeout(() => {
        cutAt = performance.now() - t0;
        proxy.cut();
      }, CUT_AT_MS);
      const restore = setTimeout(async () => {
        await proxy.restore();
        restoredAt = performance.now() - t0;
      }, RESTORE_AT_MS);
      const result = await done;
      clearTimeout(cut);
      clearTimeout(restore);

      const found = await countFound(direct, acknowledged);
      const refusedFound = await countFound(direct, refused);
      const figures = summarize(answers, {
        cutAt,
        restoredAt,
        result,
        acknowledged: acknowledged.length,
        found,
        refused: refused.length,
        refusedFound,
      });
      report(figures);
      if (process.env.DRILL_DEBUG) {
        const late = answers.filter((a) => a.status >= 500 && a.at - a.ms >= restoredAt);
        process.stdout.write(`${JSON.stringify(late.map((a) => [Math.round(a.at - restoredAt), Math.round(a.ms)]))}\n`);
      }

      expect(figures.other5xx).toBe(0);
      expect(figures.found).toBe(figures.acknowledged);
      expect(figures.recoverMs).toBeLessThan(5_000);
      expect(figures.unavailable).toBeGreaterThan(0);
    } finally {
      await app.stop();
      await proxy.close();
      await direct.end();
      await database.drop();
    }
  });
});

/** Key results of the demo the admin may check in on (active objectives of an open cycle). */
async function checkInTargets(admin: HttpSession, direct: postgres.Sql): Promise<string[]> {
  const candidates = await direct<{ id: string }[]>`
    select kr.id from key_results kr
    join objectives o on o.id = kr.objective_id
    join cycles c on c.id = o.cycle_id
    where o.status = 'active' and c.status = 'open' and kr.archived_at is null
    order by kr.id limit 12`;
  const usable: string[] = [];
  for (const { id } of candidates) {
    const reply = await admin.mutate("checkIns.create", {
      keyResultId: id,
      value: 1,
      confidence: 7,
      idempotencyKey: randomUUID(),
    });
    if (reply.status === 200) usable.push(id);
    if (usable.length === 4) break;
  }
  return usable;
}

async function countFound(direct: postgres.Sql, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const [row] = await direct<{ n: number }[]>`
    select count(*)::int as n from check_ins where idempotency_key = any(${keys}::uuid[])`;
  return row?.n ?? 0;
}

interface Figures {
  seconds: number;
  connections: number;
  cutAt: number;
  restoredAt: number;
  answers: number;
  ok: number;
  fiveXx: number;
  unavailable: number;
  other5xx: number;
  other: number;
  errors: number;
  timeouts: number;
  unavailableP50Ms: number;
  unavailableMaxMs: number;
  okP50BeforeMs: number;
  okP99BeforeMs: number;
  failedAfter: number;
  recoverMs: number;
  settledMs: number;
  acknowledged: number;
  found: number;
  refused: number;
  refusedFound: number;
}

function summarize(
  answers: Answer[],
  run: {
    cutAt: number;
    restoredAt: number;
    result: autocannon.Result;
    acknowledged: number;
    found: number;
    refused: number;
    refusedFound: number;
  },
): Figures {
  const unavailable = answers.filter((a) => a.status === 503);
  const latencies = unavailable.map((a) => a.ms).sort((a, b) => a - b);
  const okBefore = answers
    .filter((a) => a.status < 300 && a.at < run.cutAt)
    .map((a) => a.ms)
    .sort((a, b) => a - b);
  // By when each request was sent: one sent during the outage and answered after it says nothing of recovery.
  const sentAfter = answers.filter((a) => a.at - a.ms >= run.restoredAt);
  const firstOk = answers.find((a) => a.status < 300 && a.at > run.restoredAt);
  const lastBad = sentAfter.filter((a) => a.status >= 500).at(-1);
  return {
    seconds: SECONDS,
    connections: CONNECTIONS,
    cutAt: run.cutAt,
    restoredAt: run.restoredAt,
    answers: answers.length,
    ok: answers.filter((a) => a.status >= 200 && a.status < 300).length,
    fiveXx: answers.filter((a) => a.status >= 500).length,
    unavailable: unavailable.length,
    other5xx: answers.filter((a) => a.status >= 500 && a.status !== 503).length,
    other: answers.filter((a) => a.status >= 300 && a.status < 500).length,
    errors: run.result.errors,
    timeouts: run.result.timeouts,
    unavailableP50Ms: Math.round(latencies[Math.floor(latencies.length * 0.5)] ?? 0),
    unavailableMaxMs: Math.round(latencies.at(-1) ?? 0),
    okP50BeforeMs: Math.round(okBefore[Math.floor(okBefore.length * 0.5)] ?? 0),
    okP99BeforeMs: Math.round(okBefore[Math.floor(okBefore.length * 0.99)] ?? 0),
    failedAfter: sentAfter.filter((a) => a.status >= 500).length,
    recoverMs: firstOk ? firstOk.at - run.restoredAt : Number.POSITIVE_INFINITY,
    settledMs: lastBad ? lastBad.at - run.restoredAt : 0,
    acknowledged: run.acknowledged,
    found: run.found,
    refused: run.refused,
    refusedFound: run.refusedFound,
  };
}

function report(f: Figures) {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows: [string, string][] = [
    ["load", `${f.connections} connections, ${f.seconds} s, half me.get reads, half checkIns.create writes`],
    [
      "database cut / back",
      `${s(f.cutAt)} / ${s(f.restoredAt)} into the run (TCP proxy: connections dropped, new ones refused)`,
    ],
    ["answers", String(f.answers)],
    ["2xx", String(f.ok)],
    ["5xx", `${f.fiveXx} (503: ${f.unavailable}, other 5xx: ${f.other5xx})`],
    ["3xx/4xx", String(f.other)],
    ["socket errors / timeouts (10 s)", `${f.errors} / ${f.timeouts}`],
    ["2xx latency before the outage, p50 / p99", `${f.okP50BeforeMs} ms / ${f.okP99BeforeMs} ms`],
    ["503 latency, p50 / max", `${f.unavailableP50Ms} ms / ${f.unavailableMaxMs} ms`],
    ["time to recover: first 2xx after the database was back", s(f.recoverMs)],
    [
      "5xx among requests sent after the database was back",
      f.failedAfter > 0 ? `${f.failedAfter}, the last ${s(f.settledMs)} after` : "none",
    ],
    ["check-ins answered 200", String(f.acknowledged)],
    ["of those, found in the database", `${f.found} of ${f.acknowledged}`],
    ["check-ins not answered 200", `${f.refused} (of them in the database nonetheless: ${f.refusedFound})`],
  ];
  const table = ["| figure | value |", "| --- | --- |", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
  const text = `# Outage drill\n\nRun ${new Date().toISOString()} on ${process.platform}, Node ${process.version}, built app (\`pnpm start\`) on PostgreSQL.\n\n${table}\n`;
  mkdirSync(path.dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, text);
  process.stdout.write(`\n${table}\n\nwritten to ${reportFile}\n`);
}

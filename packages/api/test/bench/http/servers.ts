import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SessionUser } from "@meridian/auth";
import type { DatabaseHandle } from "@meridian/db";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Sql } from "postgres";
import { handleRestRequest } from "../../../src/rest/rest-handler";
import { appRouter } from "../../../src/root";
import { createContext } from "../../../src/trpc";
import { dashboardStatement, objectiveStatement, type Statement } from "./bare-sql";

export type Row = Record<string, unknown>;
/** A statement as a driver call takes it; `options` is what Drizzle passed beside (postgres.js: prepare; PGlite: parsers). */
export interface DriverStatement extends Statement {
  options?: object | undefined;
}
/** Runs one statement on the handle's own driver, without Drizzle: postgres.js `unsafe`, PGlite `query`. */
export type RunSql = (statement: DriverStatement) => Promise<Row[]>;

interface PGliteClient {
  query<T>(text: string, params?: unknown[], options?: object): Promise<{ rows: T[] }>;
}

const clientOf = (handle: DatabaseHandle) => (handle.db as unknown as { $client: unknown }).$client;

export function driverRunner(handle: DatabaseHandle): RunSql {
  if (handle.driver === "postgres") {
    const sql = clientOf(handle) as Sql;
    return (s) => sql.unsafe(s.text, s.params as never[], s.options) as unknown as Promise<Row[]>;
  }
  const pglite = clientOf(handle) as PGliteClient;
  return async (s) => (await pglite.query<Row>(s.text, s.params, s.options)).rows;
}

/**
 * The statements `call` sends, in the order it sends them, as the driver receives them from Drizzle
 * (texts, bound parameters, options): the driver's entry point is wrapped for the duration of the call.
 */
export async function captureStatements(handle: DatabaseHandle, call: () => Promise<unknown>) {
  const client = clientOf(handle) as Record<string, unknown>;
  const method = handle.driver === "postgres" ? "unsafe" : "query";
  const original = client[method] as (...args: unknown[]) => unknown;
  const captured: DriverStatement[] = [];
  client[method] = function (this: unknown, text: string, params: unknown[] = [], options?: object) {
    captured.push({ text, params: [...params], options });
    return original.call(this, text, params, options);
  };
  try {
    await call();
  } finally {
    client[method] = original;
  }
  return captured;
}

export interface Listening {
  url: string;
  /** Resolves once no request is being answered: what a load run left in flight has finished. */
  idle(): Promise<void>;
  /** Stops accepting, drops the connections, and resolves when the requests in flight have been answered. */
  close(): Promise<void>;
}

function listen(server: Server): Promise<Listening> {
  server.keepAliveTimeout = 30_000;
  // A request is in flight until its handler ends the response: a client that hangs up (autocannon at
  // the end of a run) closes the socket long before the statements it started have finished.
  let inFlight = 0;
  let waiting: (() => void)[] = [];
  const finished = () => {
    inFlight--;
    if (inFlight > 0) return;
    for (const resolve of waiting) resolve();
    waiting = [];
  };
  server.on("request", (_req, res: ServerResponse) => {
    inFlight++;
    const end = res.end;
    let ended = false;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      if (!ended) {
        ended = true;
        finished();
      }
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse["end"];
  });
  const idle = () =>
    inFlight === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          waiting.push(resolve);
          // Bounded: a handler that never answers is not waited for beyond this.
          setTimeout(resolve, 15_000).unref();
        });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        idle,
        close: async () => {
          const closed = new Promise<void>((done) => server.close(() => done()));
          server.closeAllConnections();
          await Promise.all([closed, idle()]);
        },
      });
    });
  });
}

/**
 * The API as the app serves it, minus Next.js and next-auth: tRPC's node:http adapter over `appRouter`,
 * every request's context made for one signed-in user (read once, as the tests' callers are).
 */
export function startApiServer(handle: DatabaseHandle, user: SessionUser): Promise<Listening> {
  const handler = createHTTPHandler({
    router: appRouter,
    createContext: () => createContext({ db: handle.db, user, requestedOrganizationId: null }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed`, error.cause ?? error);
    },
  });
  return listen(createServer(handler));
}

/**
 * The REST API (`/api/v1`) as the web tier mounts it: each node:http request made a Fetch Request for
 * `handleRestRequest`, its answer written back. Bodies are not read: the benchmark sends GETs.
 */
export function startRestServer(handle: DatabaseHandle): Promise<Listening> {
  const server = createServer((req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    (async () => {
      const response = await handleRestRequest(
        new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method ?? "GET", headers }),
        handle.db,
        {
          onError(error, path) {
            if (error.code === "INTERNAL_SERVER_ERROR")
              console.error(`REST ${path ?? "?"} failed`, error.cause ?? error);
          },
        },
      );
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": body.byteLength });
      res.end(body);
    })().catch((error: unknown) => {
      console.error("REST server failed", error);
      if (!res.headersSent) send(res, 500, { code: "INTERNAL_SERVER_ERROR", message: "failed", errors: [] });
      else res.end();
    });
  });
  return listen(server);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const cursorOf = (key: unknown) => (key ? Buffer.from(JSON.stringify(key)).toString("base64url") : null);

function dashboardAnswer(row: Row) {
  return {
    cycle: row.cycle,
    expected: row.expected,
    totals: row.totals,
    roots: row.roots,
    nextCursor: cursorOf(row.next),
  };
}

function objectiveAnswer(row: Row) {
  if (!row.objective) return null;
  return {
    objective: { ...(row.objective as Row), keyResults: row.key_results, grade: row.grade },
    aligned: row.aligned,
    alignedNextCursor: cursorOf(row.aligned_next),
    cycle: row.cycle,
    expected: row.expected,
    parent: row.parent,
    path: row.path,
    strategicObjective: row.strategic_objective,
    checkIns: row.check_ins,
    comments: row.comments,
    activity: row.activity,
    can: row.can,
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * The same two URLs answered by hand: one statement each (bare-sql.ts) on the same driver, the row
 * put in tRPC's envelope, JSON.stringify, write. The caller is the same fixed user; their membership
 * and teams are resolved per request, in the statement, as the API resolves them per request.
 * `options` go to the driver with each statement (postgres.js: `{ prepare: true }`).
 */
export function startBareServer(run: RunSql, userId: string, options?: object): Promise<Listening> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const input = (): Row => {
      const text = url.searchParams.get("input");
      const value: unknown = text ? JSON.parse(text) : {};
      return value && typeof value === "object" ? (value as Row) : {};
    };
    (async () => {
      if (url.pathname === "/objectives.dashboard") {
        const [row] = await run({ ...dashboardStatement(userId, new Date()), options });
        return send(res, 200, { result: { data: row ? dashboardAnswer(row) : null } });
      }
      if (url.pathname === "/objectives.get") {
        const { objectiveId } = input();
        if (typeof objectiveId !== "string" || !UUID.test(objectiveId)) {
          return send(res, 400, { error: { message: "objectiveId: not a valid id", code: -32600 } });
        }
        const [row] = await run({ ...objectiveStatement(userId, new Date(), objectiveId), options });
        if (!row) return send(res, 404, { error: { message: "No such objective.", code: -32004 } });
        return send(res, 200, { result: { data: objectiveAnswer(row) } });
      }
      return send(res, 404, { error: { message: `No procedure at ${url.pathname}`, code: -32004 } });
    })().catch((error: unknown) => {
      console.error("bare server failed", error);
      if (!res.headersSent) send(res, 500, { error: { message: "Something went wrong on our side.", code: -32603 } });
      else res.end();
    });
  });
  return listen(server);
}

/**
 * The API's own statements without the API: for each URL, the statements one call of the procedure
 * sent (captured once, so with that call's parameters), replayed on the driver in the procedure's
 * steps (one step after the other, a step's statements at once, as its Promise.all sends them); the
 * rows are answered as JSON. What the API adds to its SQL (tRPC, Zod, Drizzle, the answer's
 * assembly) is the difference between the two.
 */
export function startReplayServer(run: RunSql, steps: Record<string, DriverStatement[][]>): Promise<Listening> {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://127.0.0.1");
    const plan = steps[pathname];
    if (!plan) return send(res, 404, { error: { message: `No procedure at ${pathname}`, code: -32004 } });
    (async () => {
      const results: Row[][] = [];
      for (const step of plan) results.push(...(await Promise.all(step.map(run))));
      send(res, 200, { result: { data: results } });
    })().catch((error: unknown) => {
      console.error("replay server failed", error);
      if (!res.headersSent) send(res, 500, { error: { message: "Something went wrong on our side.", code: -32603 } });
      else res.end();
    });
  });
  return listen(server);
}

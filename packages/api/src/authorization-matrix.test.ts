import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import type { inferRouterInputs } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppRouter, appRouter } from "./root";
import {
  anonymousCaller,
  type Caller,
  callerFor,
  DEMO,
  keyResultByTitle,
  type Outcome,
  outcomeOf,
  seedDemoOrganization,
} from "./testing";

/**
 * Every procedure of the router × every principal → the expected outcome.
 * A procedure added to the router without a row here fails this file (and the
 * typecheck, through `ProcedurePath`).
 */
type Inputs = inferRouterInputs<AppRouter>;
type ProcedurePath = { [R in keyof Inputs & string]: `${R}.${keyof Inputs[R] & string}` }[keyof Inputs & string];

const PRINCIPALS = ["anonymous", "viewer", "member", "manager", "admin"] as const;
type Principal = (typeof PRINCIPALS)[number];

const EXPECTED: Record<ProcedurePath, Record<Principal, Outcome>> = {
  "me.get": { anonymous: "UNAUTHORIZED", viewer: "allow", member: "allow", manager: "allow", admin: "allow" },
  "cycles.list": { anonymous: "UNAUTHORIZED", viewer: "allow", member: "allow", manager: "allow", admin: "allow" },
  "cycles.current": { anonymous: "UNAUTHORIZED", viewer: "allow", member: "allow", manager: "allow", admin: "allow" },
  "teams.list": { anonymous: "UNAUTHORIZED", viewer: "allow", member: "allow", manager: "allow", admin: "allow" },
  "objectives.dashboard": {
    anonymous: "UNAUTHORIZED",
    viewer: "allow",
    member: "allow",
    manager: "allow",
    admin: "allow",
  },
  "checkIns.create": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: "allow",
    manager: "allow",
    admin: "allow",
  },
  // Public on purpose: the login page lists the demo sign-ins.
  "demo.accounts": { anonymous: "allow", viewer: "allow", member: "allow", manager: "allow", admin: "allow" },
};

interface Fixtures {
  keyResultId: Record<"memberOwn" | "marketingTeam" | "anyTeam", string>;
}

/**
 * A valid input per procedure (and principal, where it matters), so that a
 * denial is about who is asking, never about what they sent.
 */
const INPUTS: Partial<Record<ProcedurePath, (principal: Principal, f: Fixtures) => unknown>> = {
  "objectives.dashboard": () => ({}),
  "checkIns.create": (principal, f) => ({
    // The member checks in on their own key result, the manager on a Marketing
    // key result they lead but do not own, the admin on the CEO's.
    keyResultId:
      principal === "manager"
        ? f.keyResultId.marketingTeam
        : principal === "admin"
          ? f.keyResultId.anyTeam
          : f.keyResultId.memberOwn,
    value: principal === "admin" ? 4.9 : principal === "manager" ? 72 : 260,
    confidence: 6,
    comment: `matrix check-in by ${principal}`,
    idempotencyKey: randomUUID(),
  }),
};

const EMAIL: Record<Exclude<Principal, "anonymous">, string> = {
  viewer: DEMO.viewer,
  member: DEMO.member,
  manager: DEMO.manager,
  admin: DEMO.admin,
};

const routerPaths = Object.keys(appRouter._def.procedures).sort();
const tablePaths = Object.keys(EXPECTED).sort();

let handle: DatabaseHandle;
let fixtures: Fixtures;
const callers = new Map<Principal, Caller>();

beforeAll(async () => {
  handle = await createTestDatabase();
  const organizationId = await seedDemoOrganization(handle.db);
  const [memberOwn, marketingTeam, anyTeam] = await Promise.all([
    keyResultByTitle(handle.db, organizationId, "Webinar registrations per session"),
    keyResultByTitle(handle.db, organizationId, "Cost per lead"),
    keyResultByTitle(handle.db, organizationId, "Annual recurring revenue"),
  ]);
  fixtures = {
    keyResultId: {
      memberOwn: memberOwn.keyResult.id,
      marketingTeam: marketingTeam.keyResult.id,
      anyTeam: anyTeam.keyResult.id,
    },
  };
  callers.set("anonymous", anonymousCaller(handle.db));
  for (const [principal, email] of Object.entries(EMAIL)) {
    callers.set(principal as Principal, await callerFor(handle.db, email));
  }
});

afterAll(async () => {
  await handle?.close();
});

/** Calls `path` ("checkIns.create") through the caller proxy, exactly as `caller.checkIns.create(input)`. */
function callPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  if (typeof target !== "function") throw new Error(`No procedure at ${path}`);
  return (target as (input: unknown) => Promise<unknown>)(input);
}

describe("authorization matrix", () => {
  it("has a row for every procedure of the router, and none for procedures that no longer exist", () => {
    expect(
      routerPaths.filter((p) => !tablePaths.includes(p)),
      "procedures without a decision",
    ).toEqual([]);
    expect(
      tablePaths.filter((p) => !routerPaths.includes(p)),
      "rows for unknown procedures",
    ).toEqual([]);
  });

  it(`covers ${routerPaths.length} procedures × ${PRINCIPALS.length} principals`, () => {
    const cells = Object.values(EXPECTED).reduce((n, row) => n + Object.keys(row).length, 0);
    expect(cells).toBe(routerPaths.length * PRINCIPALS.length);
  });

  describe.each(routerPaths)("%s", (path) => {
    const row = (EXPECTED as Record<string, Record<Principal, Outcome> | undefined>)[path];
    const input = (INPUTS as Record<string, ((p: Principal, f: Fixtures) => unknown) | undefined>)[path];
    for (const principal of PRINCIPALS) {
      it(`${principal} → ${row?.[principal] ?? "(no decision)"}`, async () => {
        if (!row) throw new Error(`No authorization decision for procedure "${path}": add a row to EXPECTED.`);
        const caller = callers.get(principal);
        if (!caller) throw new Error(`No caller for ${principal}`);
        expect(await outcomeOf(() => callPath(caller, path, input?.(principal, fixtures)))).toBe(row[principal]);
      });
    }
  });
});

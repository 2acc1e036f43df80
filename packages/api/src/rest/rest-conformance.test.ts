import { randomUUID } from "node:crypto";
import {
  and,
  asc,
  campaigns,
  cycles,
  eq,
  experiments,
  keyResults,
  kpis,
  objectives,
  perspectives,
  reviews,
  strategicObjectives,
  teams,
} from "@meridian/db";
import { API_SCOPES, type ApiScope } from "@meridian/domain";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { DEMO, DEMO_TITLES, useDemoDatabase } from "../../test/support";
import { rest, tokenFor } from "../../test/support/rest";
import { appRouter } from "../root";
import { openApiDocument } from "./openapi-document";

/*
 * Every route of the OpenAPI document, called as documented: without a token, with a token of
 * each scope, and with the one it needs, each answer checked against the documented status and
 * JSON schema. It walks the document, so a route added anywhere is covered once it is in it; a
 * route whose path parameter or body this file cannot fill fails, saying which to add.
 */

const demo = useDemoDatabase();

interface Operation {
  operationId: string;
  "x-required-scope"?: ApiScope;
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> }>;
}

const document = openApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.keys(item as object).map((method) => ({
    path,
    method,
    operationId: (item as Record<string, Operation>)[method]?.operationId,
  })),
);

/** The first row's id of a table of the demo organization: what a path parameter is filled with. */
const firstOf =
  (
    table:
      | typeof kpis
      | typeof reviews
      | typeof campaigns
      | typeof experiments
      | typeof perspectives
      | typeof strategicObjectives,
  ) =>
  async () => {
    const [row] = await demo.db
      .select({ id: table.id })
      .from(table)
      .where(eq(table.organizationId, demo.orgId))
      .orderBy(asc(table.id))
      .limit(1);
    if (!row) throw new Error("the demo has no such row");
    return row.id;
  };

/** Path (and required query) parameters by name, from the demo's data. */
const LOOKUPS: Record<string, () => Promise<string>> = {
  objectiveId: () => demo.objectiveId(DEMO_TITLES.GROWTH),
  // A key result that takes any number, on an active objective of the open cycle: a check-in on it succeeds.
  keyResultId: async () => {
    const [row] = await demo.db
      .select({ id: keyResults.id })
      .from(keyResults)
      .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
      .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
      .where(
        and(
          eq(keyResults.organizationId, demo.orgId),
          eq(keyResults.type, "increase_to"),
          eq(objectives.status, "active"),
          eq(cycles.status, "open"),
        ),
      )
      .orderBy(asc(keyResults.id))
      .limit(1);
    if (!row) throw new Error("the demo has no open key result");
    return row.id;
  },
  teamId: async () => {
    const [row] = await demo.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organizationId, demo.orgId), eq(teams.name, "Marketing")));
    if (!row) throw new Error("the demo has no Marketing team");
    return row.id;
  },
  cycleId: async () => demo.openCycleId,
  // A manual KPI: one that takes actuals written through the API.
  kpiId: async () => {
    const [row] = await demo.db
      .select({ id: kpis.id })
      .from(kpis)
      .where(and(eq(kpis.organizationId, demo.orgId), eq(kpis.name, "Net promoter score")));
    if (!row) throw new Error("the demo has no KPI 'Net promoter score'");
    return row.id;
  },
  reviewId: firstOf(reviews),
  campaignId: firstOf(campaigns),
  experimentId: firstOf(experiments),
  perspectiveId: firstOf(perspectives),
  strategicObjectiveId: firstOf(strategicObjectives),
};

/** A valid body per operation that takes one; a fresh idempotency key each time, so each call is new. */
const BODIES: Record<string, () => unknown> = {
  "kpis-putActuals": () => ({ actuals: [{ period: "2024-01-01", value: 41 }] }),
  "checkIns-create": () => ({
    value: 3,
    confidence: 7,
    comment: "From the conformance test",
    idempotencyKey: randomUUID(),
  }),
};

type Schema = z.core.$ZodType;

/** The number, boolean, bigint and date schemas an input reaches, as trpc-to-openapi's coercion walks it. */
function coercibleLeaves(schema: Schema, into: Schema[] = []): Schema[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (def.type === "object") {
    for (const field of Object.values((schema as unknown as z.ZodObject).shape)) coercibleLeaves(field, into);
  } else if (def.type === "array") coercibleLeaves(def.element as Schema, into);
  else if (def.innerType) coercibleLeaves(def.innerType as Schema, into);
  else if (["number", "boolean", "bigint", "date"].includes(def.type)) into.push(schema);
  return into;
}

/** The app's procedures' coercible input schemas, and which of them coerce before any REST call. */
const appLeaves = Object.entries(appRouter._def.procedures).flatMap(([path, procedure]) =>
  (procedure as unknown as { _def: { inputs: Schema[] } })._def.inputs.flatMap((input) =>
    coercibleLeaves(input).map((leaf) => ({ path, leaf })),
  ),
);
const coercing = (leaf: Schema) => Boolean((leaf._zod.def as { coerce?: boolean }).coerce);
const coercingBefore = new Set(appLeaves.filter((l) => coercing(l.leaf)).map((l) => l.leaf));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();
let resolved: { paths: Record<string, Record<string, Operation>> };
const tokens = new Map<ApiScope, string>();

beforeAll(async () => {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
  expect(result.valid).toBe(true);
  resolved = validator.resolveRefs() as typeof resolved;
  for (const scope of API_SCOPES) tokens.set(scope, await tokenFor(demo.db, DEMO.admin, [scope]));
});

/** The documented JSON schema of an operation's answer with this status, compiled once. */
function schemaFor(path: string, method: string, status: string): ValidateFunction {
  const key = `${method} ${path} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const schema = resolved.paths[path]?.[method]?.responses[status]?.content?.["application/json"]?.schema;
    if (!schema) throw new Error(`${key}: no JSON schema documented for this status`);
    validate = ajv.compile(schema as object);
    validators.set(key, validate);
  }
  return validate;
}

function expectDocumented(path: string, method: string, answer: { status: number; body: unknown }) {
  const validate = schemaFor(path, method, String(answer.status));
  const valid = validate(answer.body);
  expect(
    valid ? null : { errors: validate.errors, body: answer.body },
    `${method} ${path} ${answer.status}`,
  ).toBeNull();
}

async function requestFor(path: string, method: string, operation: Operation) {
  let url = path;
  const query = new URLSearchParams();
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in !== "path" && !parameter.required) continue;
    const lookup = LOOKUPS[parameter.name];
    if (!lookup) {
      throw new Error(`${method.toUpperCase()} ${path}: add a lookup for the parameter '${parameter.name}' to LOOKUPS`);
    }
    const value = await lookup();
    if (parameter.in === "path") url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
    else query.set(parameter.name, value);
  }
  let body: (() => unknown) | undefined;
  if (operation.requestBody) {
    body = BODIES[operation.operationId];
    if (!body)
      throw new Error(`${method.toUpperCase()} ${path}: add a valid body for '${operation.operationId}' to BODIES`);
  }
  const search = query.size ? `?${query}` : "";
  return { url: `${url}${search}`, body };
}

describe("every route of the OpenAPI document answers as documented", () => {
  it("has routes to walk", () => {
    expect(operations.length).toBeGreaterThanOrEqual(7);
    // The compiled schemas do refuse what is not documented.
    expect(schemaFor("/objectives", "get", "401")({ code: "UNAUTHORIZED", message: "No." })).toBe(false);
    expect(schemaFor("/objectives", "get", "200")({ items: [{ id: 1 }], nextCursor: null })).toBe(false);
  });

  it.each(operations)("$method $path ($operationId)", async ({ path, method }) => {
    const operation = resolved.paths[path]?.[method];
    if (!operation) throw new Error(`${method} ${path} is not in the resolved document`);
    const scope = operation["x-required-scope"];
    if (!scope) throw new Error(`${method} ${path} names no required scope`);
    const { url, body } = await requestFor(path, method, operation);
    const call = (token: string | null) => rest(demo.db, method.toUpperCase(), url, { token, body: body?.() });

    const none = await call(null);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expectDocumented(path, method, none);

    for (const other of API_SCOPES.filter((s) => s !== scope)) {
      const refused = await call(tokens.get(other) ?? null);
      expect(refused.status, `${method} ${path} with a '${other}' token`).toBe(403);
      expect(refused.body).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining(scope) });
      expectDocumented(path, method, refused);
    }

    const answer = await call(tokens.get(scope) ?? null);
    const successes = Object.keys(operation.responses).filter((s) => s.startsWith("2"));
    expect(successes, `${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`).toContain(
      String(answer.status),
    );
    // A route that creates answers 201 when it does; its 200 is kept for a repeat.
    if (successes.includes("201")) expect(answer.status).toBe(201);
    expectDocumented(path, method, answer);
  });

  it.each(operations.filter((o) => o.method !== "get"))(
    "$method $path ($operationId) takes no text for a number in its JSON body",
    async ({ path, method }) => {
      const operation = resolved.paths[path]?.[method];
      const scope = operation?.["x-required-scope"];
      if (!operation?.requestBody || !scope) return;
      const { url, body } = await requestFor(path, method, operation);
      const schema = operation.requestBody.content["application/json"]?.schema as {
        properties?: Record<string, { type?: string | string[] }>;
      };
      const valid = body?.() as Record<string, unknown>;
      const numbers = Object.entries(schema.properties ?? {}).filter(
        ([name, p]) =>
          typeof valid[name] === "number" && ["number", "integer"].some((t) => [p.type].flat().includes(t)),
      );
      for (const [name] of numbers) {
        const answer = await rest<{ errors: { path: string }[] }>(demo.db, method.toUpperCase(), url, {
          token: tokens.get(scope) ?? null,
          body: { ...(body?.() as object), [name]: String(valid[name]) },
        });
        expect(answer.status, `${method} ${path} with ${name} as text`).toBe(400);
        expect(answer.body.errors.map((e) => e.path)).toContain(name);
        expectDocumented(path, method, answer);
      }
    },
  );

  it("answers 429 with Retry-After and the documented error body past a token's rate limit", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["okrs:read"]);
    const previous = process.env.MERIDIAN_API_RATE_LIMIT;
    process.env.MERIDIAN_API_RATE_LIMIT = "2";
    try {
      for (let i = 0; i < 2; i++) expect((await rest(demo.db, "GET", "/cycles", { token })).status).toBe(200);
      const limited = await rest(demo.db, "GET", "/cycles", { token });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expectDocumented("/cycles", "get", limited);
    } finally {
      if (previous === undefined) delete process.env.MERIDIAN_API_RATE_LIMIT;
      else process.env.MERIDIAN_API_RATE_LIMIT = previous;
    }
  });

  // Last, after every route was called: trpc-to-openapi once coerced by switching `coerce` on in the
  // schema objects, which the app's procedures share with the routes (see ADR 0026).
  it("leaves every app procedure's input schemas as they were: none coerces text after the REST calls", () => {
    const switched = appLeaves.filter((l) => coercing(l.leaf) && !coercingBefore.has(l.leaf)).map((l) => l.path);
    expect([...new Set(switched)]).toEqual([]);
  });
});

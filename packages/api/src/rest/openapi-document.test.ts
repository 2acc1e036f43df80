import { API_SCOPES, WEBHOOK_EVENTS } from "@meridian/domain";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi-document";

type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
  "x-required-scope"?: string;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref?: string } }> }>;
};

const document = openApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })),
);

/** A response as documented, its `$ref` to components.responses followed. */
function response(operation: Operation, status: string) {
  const found = operation.responses[status];
  const name = found?.$ref?.replace("#/components/responses/", "");
  return (name ? document.components?.responses?.[name] : found) as
    | { headers?: Record<string, unknown>; content?: Record<string, { schema: { $ref?: string } }> }
    | undefined;
}

describe("the OpenAPI document of /api/v1", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // The validator does find faults: a response without its description is not valid.
    const broken = structuredClone(document) as unknown as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const get = broken.paths["/objectives"]?.get;
    if (get) get.responses = { "200": { content: {} } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("has routes, each with an operationId of its own and the one scope it needs", () => {
    expect(operations.length).toBeGreaterThanOrEqual(7);
    const ids = operations.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.operationId, where).toEqual(expect.any(String));
      const scope = operation["x-required-scope"];
      expect(API_SCOPES, where).toContain(scope);
      expect(operation.security, where).toEqual([{ apiToken: [scope] }]);
    }
  });

  it("documents 401, 403 and 429 on every route with the one error body, and their headers", () => {
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const status of Object.keys(operation.responses).filter((s) => Number(s) >= 400)) {
        expect(response(operation, status)?.content?.["application/json"]?.schema, `${where} ${status}`).toEqual({
          $ref: "#/components/schemas/Error",
        });
      }
      for (const status of ["400", "401", "403", "429"])
        expect(response(operation, status), `${where} ${status}`).toBeDefined();
      expect(Object.keys(response(operation, "401")?.headers ?? {}), where).toContain("WWW-Authenticate");
      expect(Object.keys(response(operation, "429")?.headers ?? {}), where).toContain("Retry-After");
    }
  });

  it("keeps none of the library's own error shapes, and ours is code, message and errors", () => {
    const schemas = document.components?.schemas ?? {};
    expect(Object.keys(schemas).filter((name) => name.startsWith("error."))).toEqual([]);
    expect(schemas.Error).toMatchObject({ required: ["code", "message", "errors"] });
    expect(JSON.stringify(document)).not.toContain("#/components/schemas/error.");
  });

  it("documents a check-in as 201 when new and 200 when repeated", () => {
    const create = operations.find((o) => o.operation.operationId === "checkIns-create")?.operation;
    expect(Object.keys(create?.responses ?? {})).toEqual(expect.arrayContaining(["200", "201", "409", "412", "413"]));
  });

  it("documents every webhook event with its signed headers and a body checked against real data", () => {
    const webhooks = (document.webhooks ?? {}) as Record<
      string,
      { post: { parameters: { name: string }[]; requestBody: { content: Record<string, { schema: object }> } } }
    >;
    expect(Object.keys(webhooks).sort()).toEqual([...WEBHOOK_EVENTS].sort());
    for (const { post } of Object.values(webhooks)) {
      expect(post.parameters.map((p) => p.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    }
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const schema = webhooks["objective.status_changed"]?.post.requestBody.content["application/json"]?.schema ?? {};
    const valid = ajv.compile(schema);
    const body = {
      type: "objective.status_changed",
      timestamp: "2026-12-04T10:00:00.000Z",
      data: {
        objective: { id: "5f0c2b3e-8a7d-4c1e-9b2a-3d4e5f607182", title: "Grow pipeline" },
        status: "at_risk",
        previousStatus: "on_track",
        progress: 0.25,
        expected: 0.5,
        url: "https://meridian.example.com/objectives/5f0c2b3e-8a7d-4c1e-9b2a-3d4e5f607182",
      },
    };
    expect(valid(body), JSON.stringify(valid.errors)).toBe(true);
    expect(valid({ ...body, data: { ...body.data, status: "green" } })).toBe(false);
    expect(valid({ ...body, type: "kpi.status_changed" })).toBe(false);
  });
});

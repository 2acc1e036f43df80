import { openApiDocument } from "@meridian/api";
import { API_SCOPE_INFO } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import { buildApiReference, type OpenApiLike, requiredScopes, typeLabel } from "./api-reference";

const UUID = { type: "string", format: "uuid" };

/** A small document with what the generator emits: refs, nullable refs, arrays of refs, a body, both scope styles. */
const DOC: OpenApiLike = {
  info: { title: "Test API", version: "1.0.0", description: "For tests." },
  servers: [{ url: "/api/v1" }],
  paths: {
    "/objectives": {
      get: {
        operationId: "objectives-list",
        summary: "List objectives",
        tags: ["OKRs"],
        security: [{ apiToken: ["okrs:read"] }],
        parameters: [
          { in: "query", name: "cycleId", schema: UUID },
          { in: "query", name: "limit", schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
          { in: "query", name: "cursor", schema: { anyOf: [{ type: "string" }, { type: "null" }] } },
        ],
        responses: {
          "200": {
            description: "Successful response",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    items: { type: "array", items: { $ref: "#/components/schemas/Objective" } },
                    nextCursor: { type: ["string", "null"], description: "The next page's cursor." },
                  },
                  required: ["items", "nextCursor"],
                },
              },
            },
          },
          "401": { description: "Authorization not provided" },
        },
      },
    },
    "/key-results/{keyResultId}/check-ins": {
      post: {
        operationId: "checkins-create",
        summary: "Check in",
        description: "Records a check-in.",
        tags: ["Check-ins"],
        "x-required-scope": "checkins:write",
        security: [{ apiToken: [] }],
        parameters: [
          { in: "path", name: "keyResultId", required: true, schema: UUID },
          { in: "header", name: "Idempotency-Key", required: true, schema: { type: "string", example: "ci-42" } },
        ],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  value: { type: "number", description: "The new value." },
                  confidence: { type: "integer", minimum: 0, maximum: 10 },
                  comment: { type: "string", maxLength: 2000 },
                },
                required: ["value"],
              },
            },
          },
        },
        responses: {
          "201": {
            description: "Created",
            content: { "application/json": { schema: { $ref: "#/components/schemas/KeyResult" } } },
          },
        },
      },
    },
    "/kpis": {
      get: {
        operationId: "kpis-list",
        summary: "List KPIs",
        tags: ["OKRs"],
        security: [{ apiToken: [] }],
        responses: { "200": { description: "OK" } },
      },
    },
  },
  components: {
    schemas: {
      Objective: {
        type: "object",
        properties: {
          id: { type: "string" },
          owner: { $ref: "#/components/schemas/PersonRef" },
          team: { anyOf: [{ $ref: "#/components/schemas/PersonRef" }, { type: "null" }] },
          parent: { anyOf: [{ $ref: "#/components/schemas/Objective" }, { type: "null" }] },
          keyResults: { type: "array", items: { $ref: "#/components/schemas/KeyResult" } },
        },
        required: ["id", "owner", "team", "keyResults"],
      },
      KeyResult: {
        type: "object",
        properties: {
          id: { type: "string" },
          type: { type: "string", enum: ["increase_to", "milestone"] },
          progress: { type: "number", description: "Raw progress." },
        },
        required: ["id", "type", "progress"],
      },
      PersonRef: {
        type: "object",
        properties: { id: { type: "string" }, name: { type: "string" } },
        required: ["id", "name"],
      },
    },
  },
};

const ORIGIN = "https://okr.example.com";
const build = (doc: OpenApiLike = DOC) => buildApiReference(doc, { origin: ORIGIN, scopes: API_SCOPE_INFO });

describe("the API reference built from the OpenAPI document", () => {
  it("groups the operations by their first tag, in the document's order", () => {
    const reference = build();
    expect(reference.baseUrl).toBe("https://okr.example.com/api/v1");
    expect(reference.operationCount).toBe(3);
    expect(reference.tags.map((t) => [t.name, t.operations.map((o) => `${o.method} ${o.path}`)])).toEqual([
      ["OKRs", ["GET /objectives", "GET /kpis"]],
      ["Check-ins", ["POST /key-results/{keyResultId}/check-ins"]],
    ]);
    expect(new Set(reference.tags.flatMap((t) => t.operations.map((o) => o.id))).size).toBe(3);
  });

  it("resolves $refs to their components' fields, nested objects and arrays dotted, a recursive one by name", () => {
    const list = build().tags[0]?.operations[0];
    expect(list?.response?.status).toBe("200");
    expect(list?.response?.fields).toEqual([
      { name: "items", type: "array of Objective", required: true, description: "" },
      { name: "items[].id", type: "string", required: true, description: "" },
      { name: "items[].owner", type: "PersonRef", required: true, description: "" },
      { name: "items[].owner.id", type: "string", required: true, description: "" },
      { name: "items[].owner.name", type: "string", required: true, description: "" },
      { name: "items[].team", type: "PersonRef or null", required: true, description: "" },
      { name: "items[].team.id", type: "string", required: true, description: "" },
      { name: "items[].team.name", type: "string", required: true, description: "" },
      // Objective inside Objective: named, not walked again.
      { name: "items[].parent", type: "Objective or null", required: false, description: "" },
      { name: "items[].keyResults", type: "array of KeyResult", required: true, description: "" },
      { name: "items[].keyResults[].id", type: "string", required: true, description: "" },
      {
        name: "items[].keyResults[].type",
        type: 'one of: "increase_to", "milestone"',
        required: true,
        description: "",
      },
      { name: "items[].keyResults[].progress", type: "number", required: true, description: "Raw progress." },
      { name: "nextCursor", type: "string or null", required: true, description: "The next page's cursor." },
    ]);
    // A success answer that is a $ref itself.
    const checkIn = build().tags[1]?.operations[0];
    expect(checkIn?.response?.status).toBe("201");
    expect(checkIn?.response?.fields.map((f) => f.name)).toEqual(["id", "type", "progress"]);
  });

  it("lists parameters with where they go, their type and whether they are required", () => {
    const [list] = build().tags[0]?.operations ?? [];
    expect(list?.parameters).toEqual([
      { name: "cycleId", in: "query", type: "string (uuid)", required: false, description: "" },
      { name: "limit", in: "query", type: "integer (1–100, default 50)", required: false, description: "" },
      { name: "cursor", in: "query", type: "string or null", required: false, description: "" },
    ]);
    const checkIn = build().tags[1]?.operations[0];
    expect(checkIn?.parameters[0]).toMatchObject({ name: "keyResultId", in: "path", required: true });
    expect(checkIn?.body).toEqual([
      { name: "value", type: "number", required: true, description: "The new value." },
      { name: "confidence", type: "integer (0–10)", required: false, description: "" },
      { name: "comment", type: "string (up to 2000 characters)", required: false, description: "" },
    ]);
    expect(list?.body).toBeNull();
    expect(list?.errors).toEqual([{ status: "401", description: "Authorization not provided" }]);
  });

  it("builds a curl command: path parameters filled, the token header, a JSON body of the required fields", () => {
    const [list, kpis] = build().tags[0]?.operations ?? [];
    expect(list?.curl).toBe(
      'curl "https://okr.example.com/api/v1/objectives" \\\n  -H "Authorization: Bearer $MERIDIAN_TOKEN"',
    );
    expect(kpis?.curl).toContain('curl "https://okr.example.com/api/v1/kpis"');
    const checkIn = build().tags[1]?.operations[0];
    expect(checkIn?.curl).toBe(
      [
        'curl -X POST "https://okr.example.com/api/v1/key-results/5f1c7a2e-3b4d-4e8f-9a6b-0c1d2e3f4a5b/check-ins" \\',
        '  -H "Authorization: Bearer $MERIDIAN_TOKEN" \\',
        '  -H "Idempotency-Key: ci-42" \\',
        '  -H "Content-Type: application/json" \\',
        `  -d '{\n  "value": 42.5\n}'`,
      ].join("\n"),
    );
  });

  it("shows the scope from x-required-scope or the security requirement, with its label, and none when absent", () => {
    const reference = build();
    const [list, kpis] = reference.tags[0]?.operations ?? [];
    expect(list?.scopes).toEqual([
      { scope: "okrs:read", label: "Read OKRs", description: API_SCOPE_INFO["okrs:read"].description },
    ]);
    expect(reference.tags[1]?.operations[0]?.scopes.map((s) => s.scope)).toEqual(["checkins:write"]);
    expect(kpis?.scopes).toEqual([]);
    expect(requiredScopes({ "x-required-scope": ["a", "b"] })).toEqual(["a", "b"]);
    // A scope the page has no words for still shows, by its name.
    expect(buildApiReference(DOC, { origin: ORIGIN }).tags[0]?.operations[0]?.scopes[0]?.label).toBe("okrs:read");
  });

  it("reads a $ref that points nowhere as an untyped value rather than failing", () => {
    expect(typeLabel(DOC, { $ref: "#/components/schemas/Missing" })).toBe("any");
  });

  it("covers every operation of the real /api/v1 document, every $ref resolved", () => {
    const doc = openApiDocument() as unknown as OpenApiLike;
    const reference = build(doc);
    const documented = Object.values(doc.paths ?? {}).flatMap((item) =>
      ["get", "post", "put", "patch", "delete"].filter((m) => item?.[m]),
    );
    expect(reference.operationCount).toBe(documented.length);
    expect(reference.operationCount).toBeGreaterThan(0);
    for (const op of reference.tags.flatMap((t) => t.operations)) {
      expect(op.curl).toMatch(/^curl .*"https:\/\/okr\.example\.com\/api\/v1\//);
      expect(op.curl).not.toMatch(/\{\w+\}/);
      expect(op.response?.fields.length ?? 0).toBeGreaterThan(0);
      // Every field has a type the page can show.
      for (const field of [...(op.response?.fields ?? []), ...(op.body ?? []), ...op.parameters]) {
        expect(field.type).not.toBe("any");
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { type ZodType, z } from "zod";
import { appRouter } from "../src/root";

// One request must not be able to ask for unbounded work (issue 11): every list, text and
// map a procedure takes has a maximum, so the input, and what it makes the server do, is
// bounded by its schema whatever the body cap allows. Walks each input's JSON Schema.

type JsonSchema = {
  type?: string | string[];
  maxItems?: number;
  maxLength?: number;
  maxProperties?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $defs?: Record<string, JsonSchema>;
};

function unbounded(schema: JsonSchema, where: string): string[] {
  const found: string[] = [];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("array") && schema.maxItems === undefined && !schema.prefixItems) {
    found.push(`${where}: a list without a maximum length`);
  }
  const constrained = schema.enum || schema.const !== undefined || schema.format || schema.pattern;
  if (types.includes("string") && schema.maxLength === undefined && !constrained) {
    found.push(`${where}: text without a maximum length`);
  }
  if (typeof schema.additionalProperties === "object" && schema.maxProperties === undefined) {
    found.push(`${where}: a map without a maximum size`);
  }
  for (const [key, value] of Object.entries(schema.properties ?? {}))
    found.push(...unbounded(value, `${where}.${key}`));
  const items = Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : [];
  for (const item of [...items, ...(schema.prefixItems ?? [])]) found.push(...unbounded(item, `${where}[]`));
  for (const variant of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    found.push(...unbounded(variant, where));
  }
  if (typeof schema.additionalProperties === "object")
    found.push(...unbounded(schema.additionalProperties, `${where}{}`));
  for (const [name, def] of Object.entries(schema.$defs ?? {})) found.push(...unbounded(def, `${where}#${name}`));
  return found;
}

const procedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, { _def: { inputs: ZodType[] } }> }).procedures,
);

describe("procedure inputs are bounded", () => {
  it("finds the procedures and their inputs", () => {
    expect(procedures.length).toBeGreaterThan(50);
    expect(procedures.filter(([, p]) => p._def.inputs.length > 0).length).toBeGreaterThan(40);
  });

  it("every list, text and map in an input has a maximum", () => {
    const found = procedures.flatMap(([path, procedure]) =>
      procedure._def.inputs.flatMap((input) =>
        unbounded(z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema, path),
      ),
    );
    expect(found).toEqual([]);
  });

  it("every page size has a maximum", () => {
    const found: string[] = [];
    for (const [path, procedure] of procedures) {
      for (const input of procedure._def.inputs) {
        const schema = z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema & {
          properties?: Record<string, { maximum?: number }>;
        };
        const limit = schema.properties?.limit;
        if (limit && limit.maximum === undefined) found.push(path);
      }
    }
    expect(found).toEqual([]);
  });

  it("catches an unbounded list, text and map", () => {
    const schema = z.toJSONSchema(
      z.object({ a: z.array(z.string().max(3)), b: z.string(), c: z.record(z.string().max(2), z.number()) }),
    );
    expect(unbounded(schema as JsonSchema, "x")).toEqual([
      "x.a: a list without a maximum length",
      "x.b: text without a maximum length",
      "x.c: a map without a maximum size",
    ]);
  });
});

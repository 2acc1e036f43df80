import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { appRouter } from "../root";
import { restRouter } from "./rest.router";

type Schema = z.core.$ZodType;

/** The number, boolean, bigint and date schemas an input reaches, as trpc-to-openapi's coercion walks it. */
function coercibleLeaves(schema: Schema, into = new Set<Schema>()): Set<Schema> {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (def.type === "object") {
    for (const field of Object.values((schema as unknown as z.ZodObject).shape)) coercibleLeaves(field, into);
  } else if (def.type === "array") coercibleLeaves(def.element as Schema, into);
  else if (def.innerType) coercibleLeaves(def.innerType as Schema, into);
  else if (["number", "boolean", "bigint", "date"].includes(def.type)) into.add(schema);
  return into;
}

function inputsOf(router: { _def: { procedures: Record<string, unknown> } }): [string, Schema[]][] {
  return Object.entries(router._def.procedures).map(([path, procedure]) => [
    path,
    (procedure as { _def: { inputs: Schema[] } })._def.inputs,
  ]);
}

describe("REST inputs", () => {
  it("share no schema that trpc-to-openapi may switch to coercion with the app's procedures (use restQuery or restBody)", () => {
    const app = new Set<Schema>();
    for (const [, inputs] of inputsOf(appRouter as never)) for (const input of inputs) coercibleLeaves(input, app);
    const sharing = inputsOf(restRouter as never)
      .filter(([, inputs]) => inputs.some((input) => [...coercibleLeaves(input)].some((leaf) => app.has(leaf))))
      .map(([path]) => path);
    expect(sharing).toEqual([]);
  });
});

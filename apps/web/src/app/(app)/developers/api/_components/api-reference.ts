/**
 * The OpenAPI document of /api/v1 walked into what the reference page shows: operations grouped by
 * tag, parameters, request and response fields (with `$ref`s resolved to their components), the
 * scope each needs and a curl command. The page renders only this, so it cannot drift from the
 * document, which is itself generated from the routes' schemas (ADR 0025).
 */

/** The part of an OpenAPI 3.1 document this reads; everything else is ignored. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
  default?: unknown;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  example?: unknown;
}

interface MediaContent {
  content?: Record<string, { schema?: JsonSchema }>;
  description?: string;
  required?: boolean;
}

export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  "x-required-scope"?: string | string[];
  parameters?: Parameter[];
  requestBody?: MediaContent;
  responses?: Record<string, MediaContent>;
}

export interface OpenApiLike {
  info?: { title?: string; version?: string; description?: string };
  servers?: { url: string }[];
  paths?: Record<string, Record<string, unknown> | undefined>;
  components?: { schemas?: Record<string, JsonSchema> };
  /** OpenAPI 3.1: the requests Meridian itself sends (webhooks), by event. */
  webhooks?: Record<string, Record<string, unknown> | undefined>;
}

export interface ScopeInfo {
  label: string;
  description: string;
}

export interface FieldRow {
  /** Dotted, with `[]` for the items of an array: `items[].owner.name`. */
  name: string;
  type: string;
  required: boolean;
  description: string;
}

export interface ParameterRow extends FieldRow {
  in: string;
}

export interface ReferenceOperation {
  /** Unique on the page; an anchor. */
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  /** The scopes a token needs for it (all of them); empty when the document names none. */
  scopes: { scope: string; label: string; description: string }[];
  parameters: ParameterRow[];
  /** The JSON body's fields, or null for an operation without one. */
  body: FieldRow[] | null;
  /** The status of the success answer and its fields (empty for an answer without a body). */
  response: { status: string; description: string; fields: FieldRow[] } | null;
  /** The other documented answers: status and what it means. */
  errors: { status: string; description: string }[];
  curl: string;
}

export interface ReferenceTag {
  name: string;
  /** An anchor. */
  id: string;
  operations: ReferenceOperation[];
}

export interface ApiReference {
  title: string;
  version: string;
  description: string;
  /** The API's address, for the intro: origin + the document's server path. */
  baseUrl: string;
  tags: ReferenceTag[];
  operationCount: number;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
/** How deep nested objects are listed; deeper ones read as their type only. */
const MAX_DEPTH = 5;
const UNTAGGED = "Other";

/** Builds the page's view of the document. `origin` is the app's address, for the curl commands. */
export function buildApiReference(
  doc: OpenApiLike,
  options: { origin: string; scopes?: Readonly<Record<string, ScopeInfo>> },
): ApiReference {
  const serverPath = doc.servers?.[0]?.url ?? "";
  const baseUrl = `${options.origin.replace(/\/$/, "")}${serverPath}`;
  const tags = new Map<string, ReferenceOperation[]>();
  let operationCount = 0;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method] as OpenApiOperation | undefined;
      if (!op) continue;
      const tag = op.tags?.[0] ?? UNTAGGED;
      const operation = buildOperation(doc, method, path, op, baseUrl, options.scopes ?? {});
      tags.set(tag, [...(tags.get(tag) ?? []), operation]);
      operationCount++;
    }
  }
  return {
    title: doc.info?.title ?? "API",
    version: doc.info?.version ?? "",
    description: doc.info?.description ?? "",
    baseUrl,
    tags: [...tags].map(([name, operations]) => ({ name, id: `tag-${slug(name)}`, operations })),
    operationCount,
  };
}

function buildOperation(
  doc: OpenApiLike,
  method: string,
  path: string,
  op: OpenApiOperation,
  baseUrl: string,
  scopeInfo: Readonly<Record<string, ScopeInfo>>,
): ReferenceOperation {
  const parameters = (op.parameters ?? []).map((p): ParameterRow => {
    const schema = resolve(doc, p.schema ?? {});
    return {
      name: p.name,
      in: p.in,
      type: typeLabel(doc, schema),
      required: p.required === true || p.in === "path",
      description: p.description ?? schema.description ?? "",
    };
  });
  const bodySchema = jsonSchemaOf(op.requestBody);
  const [status, success] = Object.entries(op.responses ?? {}).find(([code]) => code.startsWith("2")) ?? [];
  const responseSchema = jsonSchemaOf(success);
  return {
    id: slug(op.operationId ?? `${method}-${path}`),
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? "",
    description: op.description ?? "",
    scopes: requiredScopes(op).map((scope) => ({
      scope,
      label: scopeInfo[scope]?.label ?? scope,
      description: scopeInfo[scope]?.description ?? "",
    })),
    parameters,
    body: bodySchema ? fieldRows(doc, bodySchema) : null,
    response:
      status && success
        ? {
            status,
            description: success.description ?? "",
            fields: responseSchema ? fieldRows(doc, responseSchema) : [],
          }
        : null,
    errors: Object.entries(op.responses ?? {})
      .filter(([code]) => !code.startsWith("2"))
      .map(([code, answer]) => ({ status: code, description: answer.description ?? "" })),
    curl: curlCommand(doc, method, path, op, baseUrl),
  };
}

/**
 * The scopes an operation needs: an `x-required-scope` field, or else the scopes of its security
 * requirement (OpenAPI 3.1 allows scopes for any scheme). A document that names none gives none.
 */
export function requiredScopes(op: OpenApiOperation): string[] {
  const explicit = op["x-required-scope"];
  if (typeof explicit === "string") return [explicit];
  if (Array.isArray(explicit)) return explicit.filter((s) => typeof s === "string");
  const fromSecurity = (op.security ?? []).flatMap((requirement) => Object.values(requirement).flat());
  return [...new Set(fromSecurity.filter((s) => typeof s === "string" && s.length > 0))];
}

function jsonSchemaOf(media: MediaContent | undefined): JsonSchema | null {
  return media?.content?.["application/json"]?.schema ?? null;
}

/** Follows `#/components/schemas/…` references until a schema that is not one. */
export function resolve(doc: OpenApiLike, schema: JsonSchema, seen: ReadonlySet<string> = new Set()): JsonSchema {
  if (!schema.$ref) return schema;
  if (seen.has(schema.$ref)) return {};
  const target = refTarget(doc, schema.$ref);
  if (!target) return {};
  // A description beside a $ref (3.1 allows it) wins over the component's own.
  const { $ref: _ref, ...beside } = schema;
  return { ...resolve(doc, target, new Set([...seen, schema.$ref])), ...beside };
}

function refTarget(doc: OpenApiLike, ref: string): JsonSchema | null {
  const prefix = "#/components/schemas/";
  if (!ref.startsWith(prefix)) return null;
  return doc.components?.schemas?.[decodeURIComponent(ref.slice(prefix.length))] ?? null;
}

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

/** The schema without its null alternative, and whether there was one. */
function splitNullable(doc: OpenApiLike, schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const resolved = resolve(doc, schema);
  if (Array.isArray(resolved.type) && resolved.type.includes("null")) {
    const rest = resolved.type.filter((t) => t !== "null");
    return { schema: { ...resolved, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  const alternatives = resolved.anyOf ?? resolved.oneOf;
  if (alternatives) {
    const isNull = (s: JsonSchema) => resolve(doc, s).type === "null";
    const rest = alternatives.filter((s) => !isNull(s));
    if (rest.length < alternatives.length && rest.length === 1 && rest[0]) {
      const { anyOf: _a, oneOf: _o, ...outer } = resolved;
      return { schema: { ...resolve(doc, rest[0]), ...outer, $ref: rest[0].$ref }, nullable: true };
    }
  }
  return { schema: resolved, nullable: false };
}

/** A type in a few words: `string (uuid)`, `integer, 1–100, default 50`, `one of: a, b`, `array of KeyResult`. */
export function typeLabel(doc: OpenApiLike, raw: JsonSchema): string {
  const { schema, nullable } = splitNullable(doc, raw);
  const label = plainType(doc, schema, raw);
  return nullable ? `${label} or null` : label;
}

function plainType(doc: OpenApiLike, schema: JsonSchema, raw: JsonSchema): string {
  const named = schema.$ref ?? raw.$ref;
  if (schema.enum) return `one of: ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if (schema.const !== undefined) return `always ${JSON.stringify(schema.const)}`;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map((s) => typeLabel(doc, s)).join(" or ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : schema.type;
  if (type === "array") {
    const items = schema.items ?? {};
    return `array of ${items.$ref ? refName(items.$ref) : typeLabel(doc, items)}`;
  }
  if (type === "object" || (!type && schema.properties)) return named ? refName(named) : "object";
  const facts: string[] = [];
  if (schema.format) facts.push(schema.format);
  if (schema.minimum !== undefined && schema.maximum !== undefined) facts.push(`${schema.minimum}–${schema.maximum}`);
  else if (schema.minimum !== undefined) facts.push(`at least ${schema.minimum}`);
  else if (schema.maximum !== undefined) facts.push(`at most ${schema.maximum}`);
  if (schema.maxLength !== undefined) facts.push(`up to ${schema.maxLength} characters`);
  if (schema.default !== undefined) facts.push(`default ${JSON.stringify(schema.default)}`);
  const base = type ?? "any";
  return facts.length ? `${base} (${facts.join(", ")})` : base;
}

/** The object properties of a schema, with an `allOf` merged. */
function objectShape(
  doc: OpenApiLike,
  schema: JsonSchema,
): { properties: Record<string, JsonSchema>; required: string[] } {
  const resolved = resolve(doc, schema);
  const parts = [resolved, ...(resolved.allOf ?? []).map((s) => resolve(doc, s))];
  return {
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => p.required ?? []),
  };
}

/**
 * The fields of a body, flattened: each nested object's fields follow it with a dotted name, an
 * array's items with `[]`. A component met again inside itself is listed by name only.
 */
export function fieldRows(doc: OpenApiLike, schema: JsonSchema): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (node: JsonSchema, prefix: string, depth: number, seen: ReadonlySet<string>) => {
    const { schema: inner } = splitNullable(doc, node);
    const ref = inner.$ref ?? node.$ref;
    const nextSeen = ref ? new Set([...seen, ref]) : seen;
    const { properties, required } = objectShape(doc, inner);
    for (const [name, property] of Object.entries(properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const resolved = splitNullable(doc, property).schema;
      rows.push({
        name: path,
        type: typeLabel(doc, property),
        required: required.includes(name),
        description: resolved.description ?? resolve(doc, property).description ?? "",
      });
      descend(property, path, depth, nextSeen);
    }
  };
  const descend = (property: JsonSchema, path: string, depth: number, seen: ReadonlySet<string>) => {
    if (depth >= MAX_DEPTH) return;
    const { schema: inner } = splitNullable(doc, property);
    const ref = inner.$ref ?? property.$ref;
    if (ref && seen.has(ref)) return;
    const type = Array.isArray(inner.type) ? inner.type[0] : inner.type;
    if (type === "array" && inner.items) {
      const items = splitNullable(doc, inner.items).schema;
      const itemRef = items.$ref ?? inner.items.$ref;
      if (itemRef && seen.has(itemRef)) return;
      if (Object.keys(objectShape(doc, items).properties).length > 0) {
        walk(inner.items, `${path}[]`, depth + 1, seen);
      }
      return;
    }
    if (Object.keys(objectShape(doc, inner).properties).length > 0) walk(property, path, depth + 1, seen);
  };
  // A top-level array (a list answered bare) reads as its items.
  const top = splitNullable(doc, schema).schema;
  if (top.type === "array" && top.items) walk(top.items, "[]", 1, new Set());
  else walk(schema, "", 0, new Set());
  return rows;
}

/**
 * A value that fits a schema, for the examples: its example or default, else a plausible one.
 * `fields`: an object's required fields only (the least a caller must send), or all of them (what
 * a receiver may be sent).
 */
export function sampleValue(
  doc: OpenApiLike,
  raw: JsonSchema,
  fields: "required" | "all" = "required",
  depth = 0,
): unknown {
  const { schema } = splitNullable(doc, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  const alternative = (schema.anyOf ?? schema.oneOf)?.[0];
  if (alternative) return sampleValue(doc, alternative, fields, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return sampleString(schema);
    case "integer":
      return withinBounds(schema, 1);
    case "number":
      return withinBounds(schema, 42.5);
    case "boolean":
      return true;
    case "array":
      return depth > MAX_DEPTH ? [] : [sampleValue(doc, schema.items ?? {}, fields, depth + 1)];
    default: {
      if (depth > MAX_DEPTH) return {};
      const { properties, required } = objectShape(doc, schema);
      const names = Object.keys(properties).filter((n) => fields === "all" || required.includes(n));
      return Object.fromEntries(names.map((n) => [n, sampleValue(doc, properties[n] ?? {}, fields, depth + 1)]));
    }
  }
}

/** `preferred`, or the nearest bound when it lies outside the schema's range. */
function withinBounds(schema: JsonSchema, preferred: number): number {
  if (schema.minimum !== undefined && preferred < schema.minimum) return schema.minimum;
  if (schema.maximum !== undefined && preferred > schema.maximum) return schema.maximum;
  return preferred;
}

function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case "uuid":
      return "5f1c7a2e-3b4d-4e8f-9a6b-0c1d2e3f4a5b";
    case "date":
      return "2026-07-01";
    case "date-time":
      return "2026-07-01T09:00:00.000Z";
    case "email":
      return "sam@example.com";
    case "uri":
    case "url":
      return "https://example.com/";
    default:
      return "text";
  }
}

/** A command to copy: the method, the address with its path parameters and required query, the token and body. */
function curlCommand(doc: OpenApiLike, method: string, path: string, op: OpenApiOperation, baseUrl: string): string {
  const parameters = op.parameters ?? [];
  let url = path;
  for (const p of parameters.filter((p) => p.in === "path")) {
    const value = String(p.example ?? sampleValue(doc, p.schema ?? {}));
    url = url.replace(`{${p.name}}`, encodeURIComponent(value));
  }
  const query = parameters
    .filter((p) => p.in === "query" && p.required)
    .map(
      (p) =>
        `${encodeURIComponent(p.name)}=${encodeURIComponent(String(p.example ?? sampleValue(doc, p.schema ?? {})))}`,
    );
  const address = `${baseUrl}${url}${query.length ? `?${query.join("&")}` : ""}`;
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${address}"`];
  lines.push(`  -H "Authorization: Bearer $MERIDIAN_TOKEN"`);
  for (const p of parameters.filter((p) => p.in === "header" && p.required)) {
    lines.push(`  -H "${p.name}: ${String(p.example ?? sampleValue(doc, p.schema ?? {}))}"`);
  }
  const body = jsonSchemaOf(op.requestBody);
  if (body) {
    lines.push(`  -H "Content-Type: application/json"`);
    // Single quotes for the shell; a quote inside the JSON is closed, escaped and reopened.
    const json = JSON.stringify(sampleValue(doc, body), null, 2).replaceAll("'", `'\\''`);
    lines.push(`  -d '${json}'`);
  }
  return lines.join(" \\\n");
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "section"
  );
}

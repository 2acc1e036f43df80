import { API_SCOPE_INFO } from "@meridian/domain";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import type { Meta } from "../trpc";
import { webhooksSection } from "./openapi-webhooks";
import { restRouter } from "./rest.router";
import { ZRestError } from "./rest-schemas";

export const REST_BASE_PATH = "/api/v1";

let cached: OpenAPIObject | null = null;

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the REST procedures' zod schemas, so the
 * document cannot drift from what the routes accept and answer. Built once per process.
 */
export function openApiDocument(): OpenAPIObject {
  cached ??= withOurErrorsAndScopes(
    generateOpenApiDocument(restRouter, {
      title: "Meridian API",
      version: "1.0.0",
      description:
        "Read OKRs, KPIs, scorecards and reviews, and write check-ins and KPI actuals, with an API token made by an admin in Settings → API tokens. Send it as `Authorization: Bearer mrd_…`. A token acts as the person who made it, within its organization and its scopes only: each route names the scope it needs. Lists are paged with `cursor`; every error answers `{ code, message, errors }`; each token may make a limited number of requests a minute (429 with `Retry-After` past it).",
      baseUrl: REST_BASE_PATH,
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "An API token: mrd_ followed by 43 characters." },
      },
      defs: { Error: ZRestError },
    }),
  );
  cached.webhooks = webhooksSection();
  return cached;
}

const errorBody = (description: string, headers?: Record<string, { description: string }>) => ({
  description,
  ...(headers && {
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, h]) => [name, { description: h.description, schema: { type: "string" } }]),
    ),
  }),
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/** The failures every route may answer, each with the one error body (`ZRestError`). */
const ERROR_RESPONSES = {
  BadRequest: errorBody(
    "The input is wrong: an unknown field, a wrong type, a value out of range or a page cursor that is not ours. `errors` names each field.",
  ),
  Unauthorized: errorBody(
    "No API token, or one that is not valid, revoked or expired, or whose creator has left the organization.",
    { "WWW-Authenticate": { description: 'Bearer realm="meridian"' } },
  ),
  Forbidden: errorBody(
    "The token lacks this route's scope, or the role of the person who made it does not allow this.",
  ),
  NotFound: errorBody("No such record in the token's organization, or one its creator may not see; or no such route."),
  PayloadTooLarge: errorBody("The body is larger than 1 MB (`MAX_REST_BODY_BYTES`)."),
  UnsupportedMediaType: errorBody("The body is not sent as `Content-Type: application/json`."),
  TooManyRequests: errorBody("This token made too many requests this minute.", {
    "Retry-After": { description: "Seconds until the token may call again." },
  }),
  InternalServerError: errorBody("Something went wrong on our side; the message says nothing of it."),
  ServiceUnavailable: errorBody("The database is unavailable for a moment: try again."),
};
type ErrorResponseName = keyof typeof ERROR_RESPONSES;

const STANDARD_STATUS: Record<string, ErrorResponseName> = {
  "400": "BadRequest",
  "401": "Unauthorized",
  "403": "Forbidden",
  "404": "NotFound",
  "413": "PayloadTooLarge",
  "415": "UnsupportedMediaType",
  "429": "TooManyRequests",
  "500": "InternalServerError",
  "503": "ServiceUnavailable",
};

const ref = (name: ErrorResponseName) => ({ $ref: `#/components/responses/${name}` });

type Operation = {
  description?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
  "x-required-scope"?: string;
};

/**
 * The generated document, made true to what the routes answer: trpc-to-openapi documents its own
 * error shape (`error.*` components), which the handler rewrites into ours, so every error response
 * becomes ours; each operation names the API token scope it needs (from `apiProcedure`'s meta) in
 * its security requirement and `x-required-scope`; and a route that records something documents
 * 201 for a new record and 200 for a repeat.
 */
function withOurErrorsAndScopes(document: OpenAPIObject): OpenAPIObject {
  const metas = new Map<string, Meta>();
  for (const procedure of Object.values(restRouter._def.procedures)) {
    const meta = (procedure as unknown as { _def: { meta?: Meta } })._def.meta;
    if (meta?.openapi) metas.set(`${meta.openapi.method.toLowerCase()} ${meta.openapi.path}`, meta);
  }
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Operation;
      if (!operation?.responses) continue;
      const meta = metas.get(`${method} ${path}`);
      const scope = meta?.requiredScope;
      if (scope) {
        operation.security = [{ apiToken: [scope] }];
        operation["x-required-scope"] = scope;
        const needs = `Needs an API token with the scope \`${scope}\` (${API_SCOPE_INFO[scope].label}).`;
        operation.description = operation.description ? `${operation.description}\n\n${needs}` : needs;
      }
      operation.responses = responsesOf(operation.responses, method, path, meta);
    }
  }
  const components = document.components ?? {};
  for (const name of Object.keys(components.schemas ?? {})) {
    if (name.startsWith("error.")) delete components.schemas?.[name];
  }
  components.responses = { ...components.responses, ...(ERROR_RESPONSES as NonNullable<typeof components.responses>) };
  document.components = components;
  return document;
}

function responsesOf(generated: Record<string, unknown>, method: string, path: string, meta: Meta | undefined) {
  const success = generated["200"] as { description: string } | undefined;
  const hasBody = method === "post" || method === "put" || method === "patch";
  const own = meta?.openapi?.errorResponses;
  const routeErrors: Record<string, string> = own && !Array.isArray(own) ? own : {};
  const statuses = new Set(["400", "401", "403", "429", "500", "503"]);
  // A route with an id in its path (or a filter by id the generator saw) can miss: 404.
  if (path.includes("{") || "404" in generated) statuses.add("404");
  if (hasBody) for (const s of ["413", "415"]) statuses.add(s);
  const responses: Record<string, unknown> = {};
  if (success && meta?.restCreates) {
    responses["201"] = { ...success, description: "Created: the new record." };
    responses["200"] = { ...success, description: "A repeat of an earlier request: the record it created, unchanged." };
  } else if (success) {
    responses["200"] = success;
  }
  for (const status of [...statuses, ...Object.keys(routeErrors)].sort()) {
    const standard = STANDARD_STATUS[status];
    const routeDescription = routeErrors[status];
    responses[status] = routeDescription
      ? errorBody(routeDescription)
      : standard
        ? ref(standard)
        : errorBody("The request failed.");
  }
  return responses;
}

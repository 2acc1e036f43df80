import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { restRouter } from "./rest.router";

export const REST_BASE_PATH = "/api/v1";

let cached: OpenAPIObject | null = null;

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the REST procedures' zod schemas, so the
 * document cannot drift from what the routes accept and answer. Built once per process.
 */
export function openApiDocument(): OpenAPIObject {
  cached ??= generateOpenApiDocument(restRouter, {
    title: "Meridian API",
    version: "1.0.0",
    description:
      "Read OKRs, KPIs, scorecards and reviews, and write check-ins and KPI actuals, with an API token made by an admin in Settings → API tokens. Send it as `Authorization: Bearer mrd_…`. A token acts as the person who made it, within its organization and its scopes only. Lists are paged with `cursor`; every error answers `{ code, message, errors }`.",
    baseUrl: REST_BASE_PATH,
    securitySchemes: {
      apiToken: { type: "http", scheme: "bearer", description: "An API token: mrd_ followed by 43 characters." },
    },
  });
  return cached;
}

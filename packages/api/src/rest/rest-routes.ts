import { openApiDocument } from "./openapi-document";

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

interface Route {
  pattern: RegExp;
  methods: string[];
}

let routes: Route[] | null = null;

/** The document's paths as patterns (`{kpiId}` matches one segment), with the methods each answers. */
function documentedRoutes(): Route[] {
  routes ??= Object.entries(openApiDocument().paths ?? {}).map(([template, item]) => ({
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^/}]+\}/g, "[^/]+")}/?$`),
    methods: METHODS.filter((m) => item && m in item).map((m) => m.toUpperCase()),
  }));
  return routes;
}

/**
 * The methods a documented path answers, for a request whose method matched no route: a known path
 * asked with the wrong method is a 405 with `Allow`, an unknown one a 404. `path` is relative to /api/v1.
 */
export function methodsAllowedOn(path: string): string[] {
  return documentedRoutes().find((r) => r.pattern.test(path))?.methods ?? [];
}

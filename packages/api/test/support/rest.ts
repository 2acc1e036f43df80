import type { Database } from "@meridian/db";
import type { ApiScope } from "@meridian/domain";
import { handleRestRequest } from "../../src/rest/rest-handler";
import { callerFor } from "./callers";

const BASE = "http://127.0.0.1:3000/api/v1";

/** A new API token with these scopes, made by the admin of `adminEmail`. */
export async function tokenFor(
  db: Database,
  adminEmail: string,
  scopes: ApiScope[],
  extra: { expiresOn?: string; name?: string } = {},
): Promise<string> {
  const admin = await callerFor(db, adminEmail);
  const created = await admin.apiTokens.create({ name: extra.name ?? `Test ${scopes.join(" ")}`, scopes, ...extra });
  return created.token;
}

export interface RestAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** One REST call through the same handler the web tier mounts at /api/v1. */
export async function rest<T = Record<string, unknown>>(
  db: Database,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RestAnswer<T>> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === "string"
        ? options.body
        : JSON.stringify(options.body);
  const response = await handleRestRequest(new Request(`${BASE}${path}`, { method, headers, body }), db);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
}

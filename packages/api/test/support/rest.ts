import type { Database } from "@meridian/db";
import type { ApiScope } from "@meridian/domain";
import { createApiToken } from "../../src/modules/integrations/api-tokens.commands";
import { handleRestRequest } from "../../src/rest/rest-handler";
import { findMembership } from "../../src/trpc";
import { callerFor, sessionUserFor } from "./callers";

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

/**
 * A new API token made by anyone, not only an admin: the router lets admins alone make tokens,
 * so this goes through the command with the person's own membership. A token acts as its maker.
 */
export async function tokenMadeBy(
  db: Database,
  email: string,
  scopes: ApiScope[],
  extra: { expiresOn?: string; name?: string } = {},
): Promise<{ id: string; token: string }> {
  const user = await sessionUserFor(db, email);
  const membership = await findMembership(db, user.id, null);
  if (!membership) throw new Error(`${email} belongs to no organization`);
  const created = await createApiToken(
    { db, org: membership.org, user },
    { name: extra.name ?? `${email} ${scopes.join(" ")}`, scopes, expiresOn: extra.expiresOn },
  );
  return { id: created.id, token: created.token };
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

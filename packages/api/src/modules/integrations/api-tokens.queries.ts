import { apiTokens, desc, eq, sql, users } from "@meridian/db";
import type { OrgScope } from "../../lib/scope";

/** The organization's tokens, live ones first; never the secret nor its hash. */
export function listApiTokens(scope: OrgScope) {
  return scope.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      createdByName: users.name,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdById))
    .where(eq(apiTokens.organizationId, scope.org.id))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt), apiTokens.id);
}

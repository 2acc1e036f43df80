import { type Executor, rows, sql } from "@meridian/db";
import { AppError } from "../lib/errors";

/** Requests one token may make per minute, unless the deployment sets `MERIDIAN_API_RATE_LIMIT`. */
export const DEFAULT_API_RATE_LIMIT_PER_MINUTE = 600;

export function apiRateLimitPerMinute(): number {
  const configured = Number(process.env.MERIDIAN_API_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_API_RATE_LIMIT_PER_MINUTE;
}

/** A 429; `retryAfterSeconds` becomes the `Retry-After` header. */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    /** The window's first refusal: the one the audit log records, so a flood does not fill it. */
    readonly firstRefusal = false,
  ) {
    super("TOO_MANY_REQUESTS", `Too many requests with this API token: try again in ${retryAfterSeconds} s.`);
  }
}

/**
 * Counts one request against the token's current minute, in Postgres so that every app instance
 * counts the same requests, and throws a 429 past the limit. The same statement drops the token's
 * earlier windows and notes when the token was last used (at most once a minute, to spare the row).
 */
export async function countApiRequest(
  db: Executor,
  token: { id: string; organizationId: string },
  limitPerMinute: number,
): Promise<void> {
  const [row] = rows<{ count: number; retry_after: number }>(
    await db.execute(sql`
    with bump as (
      insert into api_rate_limits as l (organization_id, token_id, window_start, count)
      values (${token.organizationId}, ${token.id}, date_trunc('minute', now()), 1)
      on conflict (organization_id, token_id, window_start) do update set count = l.count + 1
      returning l.count, l.window_start
    ), dropped as (
      delete from api_rate_limits
      where organization_id = ${token.organizationId} and token_id = ${token.id}
        and window_start < date_trunc('minute', now())
    ), used as (
      update api_tokens set last_used_at = now()
      where organization_id = ${token.organizationId} and id = ${token.id}
        and (last_used_at is null or last_used_at < now() - interval '1 minute')
    )
    select count, ceil(extract(epoch from (window_start + interval '1 minute' - now())))::int as retry_after from bump`),
  );
  if (row && row.count > limitPerMinute) {
    throw new RateLimitedError(Math.max(1, row.retry_after), row.count === limitPerMinute + 1);
  }
}

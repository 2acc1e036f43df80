import { and, eq, inArray, isNull, notifications, sql } from "@meridian/db";
import type { markNotificationsReadInput } from "@meridian/domain";
import type { z } from "zod";
import type { OrgScope } from "../../lib/scope";

/*
 * Marking read is the reader's own bookkeeping, not a change to the
 * organization's data: it writes no activity record (the log would otherwise
 * hold a line for every notification anyone opened), see ADR 0024.
 */

/** Marks the named notifications read, of the caller's own only; already read or unknown ids change nothing. */
export async function markRead(scope: OrgScope, input: z.output<typeof markNotificationsReadInput>) {
  const marked = await scope.db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.organizationId, scope.org.id),
        eq(notifications.userId, scope.user.id),
        inArray(notifications.id, [...new Set(input.ids)]),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return { marked: marked.length };
}

/** Marks every unread in-app notification of the caller read. */
export async function markAllRead(scope: OrgScope) {
  const marked = await scope.db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.organizationId, scope.org.id),
        eq(notifications.userId, scope.user.id),
        isNull(notifications.readAt),
        eq(notifications.inApp, true),
      ),
    )
    .returning({ id: notifications.id });
  return { marked: marked.length };
}

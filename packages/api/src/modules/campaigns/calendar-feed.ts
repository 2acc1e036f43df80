import { createHash, randomBytes } from "node:crypto";
import { and, asc, calendarFeeds, campaigns, type Database, eq, isNull, memberships, sql, users } from "@meridian/db";
import {
  CAMPAIGN_CHANNEL_LABELS,
  CAMPAIGN_STATUS_LABELS,
  type Currency,
  formatMoney,
  taggedLink,
} from "@meridian/domain";
import ical, { ICalEventStatus } from "ical-generator";
import { activityBy, recordActivity } from "../../lib/activity";
import type { OrgScope } from "../../lib/scope";
import { sqlOverlap } from "./campaigns.queries";

/** "mcal_" then 32 random bytes in base64url: the whole secret of a feed's URL. */
const FEED_SHAPE = /^mcal_[A-Za-z0-9_-]{43}$/;
const hashSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

/** The path of a feed; the app's origin goes in front of it in the browser. */
export const feedPath = (secret: string) => `/api/calendar/${secret}.ics`;

/** Whether the caller has a feed, and since when (its secret is shown only when made). */
export async function calendarFeedStatus(scope: OrgScope) {
  const [feed] = await scope.db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.organizationId, scope.org.id), eq(calendarFeeds.userId, scope.user.id)))
    .limit(1);
  return { exists: feed !== undefined, createdAt: feed?.createdAt ?? null };
}

/** A new secret feed URL for the caller; the one they had stops working. */
export async function rotateCalendarFeed(scope: OrgScope) {
  const secret = `mcal_${randomBytes(32).toString("base64url")}`;
  await scope.db.transaction(async (tx) => {
    await tx
      .insert(calendarFeeds)
      .values({ organizationId: scope.org.id, userId: scope.user.id, tokenHash: hashSecret(secret) })
      .onConflictDoUpdate({
        target: [calendarFeeds.organizationId, calendarFeeds.userId],
        set: { tokenHash: sql`excluded.token_hash`, createdAt: sql`now()` },
      });
    await recordActivity(tx, activityBy(scope, "user", scope.user.id, "calendar_feed.rotated"));
  });
  return { path: feedPath(secret) };
}

/** Ends the caller's feed: its URL answers 404 from now on. */
export async function revokeCalendarFeed(scope: OrgScope) {
  await scope.db.transaction(async (tx) => {
    const gone = await tx
      .delete(calendarFeeds)
      .where(and(eq(calendarFeeds.organizationId, scope.org.id), eq(calendarFeeds.userId, scope.user.id)))
      .returning({ id: calendarFeeds.id });
    if (gone.length) await recordActivity(tx, activityBy(scope, "user", scope.user.id, "calendar_feed.revoked"));
  });
  return { revoked: true };
}

/** Days before today and after it that a feed holds: calendar apps poll it, so it stays small. */
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 366;
const MAX_FEED_EVENTS = 1000;

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * GET /api/calendar/<secret>.ics: the campaigns of the feed owner's
 * organization as iCalendar all-day events. The secret is the only credential,
 * so an unknown secret, or the owner's membership or account ended, is a 404
 * that says nothing more.
 */
export async function handleCalendarFeed(db: Database, file: string, origin: string): Promise<Response> {
  const secret = file.replace(/\.ics$/, "");
  const notFound = () =>
    new Response("No calendar here.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!FEED_SHAPE.test(secret)) return notFound();
  // Found by its hash before the organization is known (a multi-shard read on an index, ADR 0013).
  const [feed] = await db
    .select({ organizationId: calendarFeeds.organizationId, userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .innerJoin(
      memberships,
      and(eq(memberships.organizationId, calendarFeeds.organizationId), eq(memberships.userId, calendarFeeds.userId)),
    )
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(
      and(eq(calendarFeeds.tokenHash, hashSecret(secret)), isNull(memberships.deactivatedAt), eq(users.isActive, true)),
    )
    .limit(1);
  if (!feed) return notFound();

  const today = new Date().toISOString().slice(0, 10);
  const rows = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      channel: campaigns.channel,
      status: campaigns.status,
      startsOn: campaigns.startsOn,
      endsOn: campaigns.endsOn,
      budget: campaigns.budget,
      currency: campaigns.currency,
      landingUrl: campaigns.landingUrl,
      utmSource: campaigns.utmSource,
      utmMedium: campaigns.utmMedium,
      utmCampaign: campaigns.utmCampaign,
      updatedAt: campaigns.updatedAt,
    })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.organizationId, feed.organizationId),
        sqlOverlap(addDays(today, -FEED_PAST_DAYS), addDays(today, FEED_FUTURE_DAYS)),
      ),
    )
    .orderBy(asc(campaigns.startsOn), asc(campaigns.id))
    .limit(MAX_FEED_EVENTS);

  const calendar = ical({ name: "Meridian campaigns", prodId: { company: "Meridian", product: "campaigns" } });
  for (const c of rows) {
    const link = taggedLink(c.landingUrl, { source: c.utmSource, medium: c.utmMedium, campaign: c.utmCampaign });
    calendar.createEvent({
      id: `${c.id}@meridian`,
      allDay: true,
      start: new Date(`${c.startsOn}T00:00:00Z`),
      // All-day events end on the day after their last (RFC 5545: DTEND is exclusive).
      end: new Date(`${addDays(c.endsOn, 1)}T00:00:00Z`),
      summary: `${c.name} (${CAMPAIGN_CHANNEL_LABELS[c.channel]})`,
      description: [
        `Status: ${CAMPAIGN_STATUS_LABELS[c.status]}`,
        `Budget: ${formatMoney(c.budget, c.currency as Currency)}`,
        link ? `Tagged link: ${link}` : null,
      ]
        .filter(Boolean)
        .join("\n"),
      url: `${origin}/campaigns/${c.id}`,
      status: c.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      lastModified: c.updatedAt,
    });
  }
  return new Response(calendar.toString(), {
    status: 200,
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "private, no-store",
      "content-disposition": 'inline; filename="campaigns.ics"',
    },
  });
}

import { type Database, rows, sql } from "@meridian/db";
import {
  buildWeeklyDigest,
  type CheckInSchedule,
  type DigestCheckIn,
  type DigestKeyResult,
  dueCheckInEvent,
  expectedByNow,
  type ScheduledCheckInEvent,
  safeTimeZone,
} from "@meridian/domain";
import { sqlArray } from "../lib/sql-array";
import { notify } from "../modules/notifications/notify";

/** Where a check-in notice leads: the weekly Check in screen. */
export const CHECK_IN_LINK = "/check-in";
export const DIGEST_LINK = "/team";
const DAY_MS = 86_400_000;

export interface ScheduleReport {
  checkInDue: number;
  checkInReminder: number;
  weeklyDigest: number;
  actionOverdue: number;
}

interface Organization {
  id: string;
  weekday: number;
  time: string;
  reminderAfterDays: number;
}

/** Per stored time zone of an organization's people: what their schedule asks for now. */
interface ZoneMoment {
  zone: string;
  event: ScheduledCheckInEvent | null;
  periodKey: string;
  dueAt: Date;
  /** The zone's calendar date now (YYYY-MM-DD): a cycle takes check-ins while it holds this date. */
  localDate: string;
}

/**
 * One scheduler tick: for every organization, the notices its schedule asks
 * for at `now` — the check-in notice or its reminder for each person with key
 * results due, the weekly digest for team leads, an overdue notice per
 * corrective action. Everything goes through notify() with a dedupe key per
 * person, event and period, so a tick repeated (by this worker or another
 * instance's) adds nothing. Set-based: a few statements per organization,
 * whatever its number of people.
 */
export async function runScheduledNotifications(db: Database, now: Date = new Date()): Promise<ScheduleReport> {
  const report: ScheduleReport = { checkInDue: 0, checkInReminder: 0, weeklyDigest: 0, actionOverdue: 0 };
  const organizations = rows<Organization>(
    await db.execute(sql`
      select id, check_in_weekday as weekday, check_in_time as time, reminder_after_days as "reminderAfterDays"
      from organizations order by id`),
  );
  for (const org of organizations) {
    const zones = await zoneMoments(db, org, now);
    const checkIns = await checkInNotices(
      db,
      org.id,
      zones.filter((z) => z.event !== null),
    );
    report.checkInDue += checkIns.check_in_due;
    report.checkInReminder += checkIns.check_in_reminder;
    report.weeklyDigest += await weeklyDigests(
      db,
      org.id,
      zones.filter((z) => z.event === "check_in_due"),
      now,
    );
    report.actionOverdue += await overdueActions(db, org.id, now);
  }
  return report;
}

async function zoneMoments(db: Database, org: Organization, now: Date): Promise<ZoneMoment[]> {
  const schedule: CheckInSchedule = { weekday: org.weekday, time: org.time, reminderAfterDays: org.reminderAfterDays };
  const found = rows<{ zone: string }>(
    await db.execute(sql`
      select distinct u.time_zone as zone
      from memberships m join users u on u.id = m.user_id and u.is_active
      where m.organization_id = ${org.id} and m.deactivated_at is null`),
  );
  return found.map(({ zone }) => {
    const { event, period } = dueCheckInEvent(schedule, zone, now);
    const localDate = new Intl.DateTimeFormat("en-CA", { timeZone: safeTimeZone(zone) }).format(now);
    return { zone, event, periodKey: period.key, dueAt: period.dueAt, localDate };
  });
}

/** The zone table every per-person query joins on: one row per stored time zone. */
function zoneTable(zones: readonly ZoneMoment[]) {
  return sql`unnest(${sqlArray(
    zones.map((z) => z.zone),
    "text",
  )}, ${sqlArray(
    zones.map((z) => z.event ?? ""),
    "text",
  )}, ${sqlArray(
    zones.map((z) => z.periodKey),
    "text",
  )}, ${sqlArray(
    zones.map((z) => z.dueAt.toISOString()),
    "text",
  )}, ${sqlArray(
    zones.map((z) => z.localDate),
    "text",
  )}) as z(time_zone, event, period_key, due_at, local_date)`;
}

/**
 * Who gets this period's check-in notice (or its reminder): active members
 * who own key results of active objectives in a cycle open today in their zone,
 * at least one of which is overdue at the period's check-in moment (the due
 * list's rule: no check-in in the week before it). A check-in since then clears
 * the reminder; a closed cycle asks for nothing.
 */
async function checkInNotices(db: Database, organizationId: string, zones: readonly ZoneMoment[]) {
  const counts = { check_in_due: 0, check_in_reminder: 0 };
  if (zones.length === 0) return counts;
  const due = rows<{ userId: string; event: ScheduledCheckInEvent; periodKey: string; dueCount: number }>(
    await db.execute(sql`
      select u.id as "userId", z.event, z.period_key as "periodKey", count(*)::int as "dueCount"
      from ${zoneTable(zones)}
      join users u on u.time_zone = z.time_zone and u.is_active
      join memberships m on m.organization_id = ${organizationId} and m.user_id = u.id and m.deactivated_at is null
      join key_results kr on kr.organization_id = ${organizationId} and kr.owner_id = u.id and kr.archived_at is null
      join objectives o on o.organization_id = kr.organization_id and o.id = kr.objective_id and o.status = 'active'
      join cycles c on c.organization_id = o.organization_id and c.id = o.cycle_id and c.status = 'open'
        and c.starts_on <= z.local_date::date and c.ends_on >= z.local_date::date
      where (kr.last_check_in_at is null or kr.last_check_in_at < z.due_at::timestamptz - interval '7 days')
        and not exists (
          select 1 from notifications n
          where n.organization_id = ${organizationId} and n.user_id = u.id
            and n.dedupe_key = z.event || ':' || z.period_key)
      group by u.id, z.event, z.period_key`),
  );
  // One notify() per distinct wording (event and count): a handful of statements for thousands of people.
  const groups = new Map<string, typeof due>();
  for (const d of due) {
    const key = `${d.event}|${d.periodKey}|${d.dueCount}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const krs = first.dueCount === 1 ? "1 key result waits" : `${first.dueCount} key results wait`;
    const added = await notify(db, {
      organizationId,
      kind: first.event,
      recipients: group.map((d) => ({ userId: d.userId, dedupeKey: `${d.event}:${d.periodKey}` })),
      title: first.event === "check_in_due" ? "Time for your weekly check-in" : "Your check-in is still missing",
      body: `${krs} for this week's check-in.`,
      link: CHECK_IN_LINK,
      payload: { periodKey: first.periodKey, dueCount: first.dueCount },
    });
    counts[first.event] += added.length;
  }
  return counts;
}

interface Lead {
  userId: string;
  teamId: string;
  teamName: string;
  periodKey: string;
}

interface KeyResultRow {
  teamId: string;
  id: string;
  title: string;
  type: DigestKeyResult["type"];
  startValue: number;
  targetValue: number;
  objectiveId: string;
  objectiveTitle: string;
  teamName: string;
  ownerName: string;
  lastCheckInAt: Date | string | null;
  currentValue: number | null;
  currentConfidence: number | null;
  prevValue: number | null;
  prevConfidence: number | null;
  startsOn: string;
  endsOn: string;
}

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const dayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * The weekly digest, on the check-in day, for each team lead whose digest of
 * this period is not out yet: their teams' check-ins of the last seven days,
 * what turned at risk or off track since, and the stale key results. Three
 * reads for the whole organization, then one notify() per lead (each digest
 * is the lead's own).
 */
async function weeklyDigests(db: Database, organizationId: string, zones: readonly ZoneMoment[], now: Date) {
  if (zones.length === 0) return 0;
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const leads = rows<Lead>(
    await db.execute(sql`
      select tm.user_id as "userId", t.id as "teamId", t.name as "teamName", z.period_key as "periodKey"
      from ${zoneTable(zones)}
      join users u on u.time_zone = z.time_zone and u.is_active
      join memberships m on m.organization_id = ${organizationId} and m.user_id = u.id and m.deactivated_at is null
      join team_members tm on tm.organization_id = ${organizationId} and tm.user_id = u.id and tm.role = 'lead'
      join teams t on t.organization_id = tm.organization_id and t.id = tm.team_id and t.archived_at is null
      where not exists (
        select 1 from notifications n
        where n.organization_id = ${organizationId} and n.user_id = u.id
          and n.dedupe_key = 'weekly_digest:' || z.period_key)
      order by t.name`),
  );
  if (leads.length === 0) return 0;
  const teamIds = [...new Set(leads.map((l) => l.teamId))];
  const [keyResults, checkIns] = await Promise.all([
    db.execute(sql`
      select o.team_id as "teamId", kr.id, kr.title, kr.type, kr.start_value as "startValue",
        kr.target_value as "targetValue", o.id as "objectiveId", o.title as "objectiveTitle", t.name as "teamName",
        ow.name as "ownerName", kr.last_check_in_at as "lastCheckInAt", kr.current_value as "currentValue",
        kr.current_confidence as "currentConfidence", prev.value as "prevValue", prev.confidence as "prevConfidence",
        c.starts_on::text as "startsOn", c.ends_on::text as "endsOn"
      from key_results kr
      join objectives o on o.organization_id = kr.organization_id and o.id = kr.objective_id and o.status = 'active'
        and o.team_id = any(${sqlArray(teamIds, "uuid")})
      join teams t on t.organization_id = o.organization_id and t.id = o.team_id
      join cycles c on c.organization_id = o.organization_id and c.id = o.cycle_id and c.status = 'open'
      join users ow on ow.id = kr.owner_id
      left join lateral (
        select ci.value, ci.confidence from check_ins ci
        where ci.organization_id = kr.organization_id and ci.key_result_id = kr.id and ci.created_at < ${since.toISOString()}::timestamptz
        order by ci.seq desc limit 1
      ) prev on true
      where kr.organization_id = ${organizationId} and kr.archived_at is null
      order by kr.title`),
    db.execute(sql`
      select o.team_id as "teamId", ci.key_result_id as "keyResultId", kr.title as "keyResultTitle",
        o.id as "objectiveId", o.title as "objectiveTitle", t.name as "teamName", a.name as "authorName",
        ci.value, ci.confidence, ci.created_at as "at"
      from check_ins ci
      join key_results kr on kr.organization_id = ci.organization_id and kr.id = ci.key_result_id
      join objectives o on o.organization_id = kr.organization_id and o.id = kr.objective_id
        and o.team_id = any(${sqlArray(teamIds, "uuid")})
      join cycles c on c.organization_id = o.organization_id and c.id = o.cycle_id and c.status = 'open'
      join teams t on t.organization_id = o.organization_id and t.id = o.team_id
      join users a on a.id = ci.author_id
      where ci.organization_id = ${organizationId} and ci.created_at >= ${since.toISOString()}::timestamptz`),
  ]);
  const krRows = rows<KeyResultRow>(keyResults);
  const ciRows = rows<DigestCheckIn & { teamId: string; at: Date | string }>(checkIns);

  const byLead = new Map<string, Lead[]>();
  for (const l of leads) byLead.set(l.userId, [...(byLead.get(l.userId) ?? []), l]);
  let added = 0;
  for (const [userId, led] of byLead) {
    const teams = new Set(led.map((l) => l.teamId));
    const mine = krRows.filter((kr) => teams.has(kr.teamId));
    const theirCheckIns = ciRows.filter((c) => teams.has(c.teamId));
    if (mine.length === 0 && theirCheckIns.length === 0) continue;
    const periodKey = led[0]?.periodKey ?? "";
    const digest = buildWeeklyDigest({
      periodKey,
      now,
      expectedAtWeekStart: 0,
      expectedNow: 0,
      teamNames: [...new Set(led.map((l) => l.teamName))],
      checkIns: theirCheckIns.map((c) => ({ ...c, at: asDate(c.at) })),
      keyResults: mine.map((kr) => {
        const start = dayStart(kr.startsOn);
        const end = new Date(dayStart(kr.endsOn).getTime() + DAY_MS);
        return {
          ...kr,
          lastCheckInAt: kr.lastCheckInAt === null ? null : asDate(kr.lastCheckInAt),
          current: kr.currentValue === null ? null : { value: kr.currentValue, confidence: kr.currentConfidence },
          atWeekStart: kr.prevValue === null ? null : { value: kr.prevValue, confidence: kr.prevConfidence },
          expected: { atWeekStart: expectedByNow(start, end, since), now: expectedByNow(start, end, now) },
        };
      }),
    });
    const { summary } = digest;
    added += (
      await notify(db, {
        organizationId,
        kind: "weekly_digest",
        recipients: [{ userId, dedupeKey: `weekly_digest:${periodKey}` }],
        title: `Weekly digest: ${digest.teamNames.join(", ")}`,
        body: `${summary.checkIns} check-ins, ${summary.turned} turned at risk or off track, ${summary.stale} stale key results.`,
        link: DIGEST_LINK,
        payload: { periodKey, digest },
      })
    ).length;
  }
  return added;
}

/**
 * A notice per corrective action past its due date (a UTC day: an action is
 * due on a date, not at a local hour), once per action, to its owner.
 */
async function overdueActions(db: Database, organizationId: string, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const actions = rows<{ id: string; ownerId: string; title: string; reviewId: string; dueOn: string }>(
    await db.execute(sql`
      select ca.id, ca.owner_id as "ownerId", ca.title, ca.review_id as "reviewId", ca.due_on::text as "dueOn"
      from corrective_actions ca
      where ca.organization_id = ${organizationId} and ca.status <> 'done' and ca.due_on < ${today}::date
        and not exists (
          select 1 from notifications n
          where n.organization_id = ca.organization_id and n.user_id = ca.owner_id
            and n.dedupe_key = 'action_overdue:' || ca.id::text)`),
  );
  let added = 0;
  for (const a of actions) {
    added += (
      await notify(db, {
        organizationId,
        kind: "action_overdue",
        recipients: [{ userId: a.ownerId, dedupeKey: `action_overdue:${a.id}` }],
        title: `Corrective action overdue: ${a.title}`,
        body: `It was due on ${a.dueOn} and is not done yet.`,
        link: `/reviews/${a.reviewId}`,
        payload: { actionId: a.id, dueOn: a.dueOn },
      })
    ).length;
  }
  return added;
}

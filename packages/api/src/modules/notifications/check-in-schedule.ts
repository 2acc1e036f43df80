import { and, eq, organizations, sql } from "@meridian/db";
import type { checkInScheduleUpdateInput } from "@meridian/domain";
import type { z } from "zod";
import { recordActivity } from "../../lib/activity";
import { editConflict } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";

const scheduleColumns = {
  weekday: organizations.checkInWeekday,
  time: organizations.checkInTime,
  reminderAfterDays: organizations.reminderAfterDays,
  version: organizations.version,
};

/** The organization's check-in day and time (each person's own time zone) and the reminder's delay. */
export async function checkInSchedule(scope: OrgScope) {
  const [row] = await scope.db.select(scheduleColumns).from(organizations).where(eq(organizations.id, scope.org.id));
  if (!row) throw new Error("the caller's organization is gone");
  return row;
}

/**
 * Sets the schedule. Written out rather than through `auditedUpdate`, like the
 * organization's other settings: the organization row is the tenant itself.
 * It shares the row's version with those settings, so a stale form hears of it.
 */
export function setCheckInSchedule(scope: OrgScope, input: z.output<typeof checkInScheduleUpdateInput>) {
  return scope.db.transaction(async (tx) => {
    const { version, weekday, time, reminderAfterDays } = input;
    const [current] = await tx
      .select(scheduleColumns)
      .from(organizations)
      .where(eq(organizations.id, scope.org.id))
      .for("update");
    if (!current) throw new Error("the caller's organization is gone");
    // Repeating a save that already took effect changes nothing, whatever version it names.
    if (current.weekday === weekday && current.time === time && current.reminderAfterDays === reminderAfterDays) {
      return current;
    }
    const [updated] = await tx
      .update(organizations)
      .set({
        checkInWeekday: weekday,
        checkInTime: time,
        reminderAfterDays,
        updatedAt: sql`now()`,
        version: sql`${organizations.version} + 1`,
      })
      .where(and(eq(organizations.id, scope.org.id), eq(organizations.version, version)))
      .returning(scheduleColumns);
    if (!updated) throw editConflict("check-in schedule", current);
    await recordActivity(tx, {
      organizationId: scope.org.id,
      actorId: scope.user.id,
      entityType: "organization",
      entityId: scope.org.id,
      action: "organization.check_in_schedule_updated",
      details: {
        before: { weekday: current.weekday, time: current.time, reminderAfterDays: current.reminderAfterDays },
        after: { weekday, time, reminderAfterDays },
      },
    });
    return updated;
  });
}

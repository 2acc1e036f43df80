import { and, eq, notificationDefaults, notificationPreferences } from "@meridian/db";
import { NOTIFICATION_KIND_INFO, type notificationPreferencesInput } from "@meridian/domain";
import type { z } from "zod";
import { activityBy, recordActivity } from "../../lib/activity";
import { invalidInput } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import {
  myPreferences,
  organizationChoices,
  organizationDefaults,
  personalChoices,
  takesKind,
} from "./preferences.queries";

type Choices = z.output<typeof notificationPreferencesInput>["choices"];

/** One choice per kind and channel; a list naming one twice is refused rather than guessed at. */
function distinct(choices: Choices): Choices {
  const seen = new Set<string>();
  for (const c of choices) {
    const key = `${c.kind}:${c.channel}`;
    if (seen.has(key)) {
      throw invalidInput("choices", `${NOTIFICATION_KIND_INFO[c.kind].label} (${c.channel}) is chosen twice.`);
    }
    seen.add(key);
  }
  return choices;
}

const sameChoices = (a: Choices, b: Choices) => {
  const key = (list: Choices) =>
    list
      .map((c) => `${c.kind}:${c.channel}:${c.enabled}`)
      .sort()
      .join(",");
  return key(a) === key(b);
};

/**
 * Replaces the caller's own choices: each listed kind and channel is theirs
 * from now on, every other follows the organization's default (or the
 * catalog's). Saving the same choices again changes nothing.
 */
export async function setMyPreferences(scope: OrgScope, input: z.output<typeof notificationPreferencesInput>) {
  const choices = distinct(input.choices);
  const refused = choices.find((c) => !takesKind(scope.org.role, c.kind));
  if (refused) {
    throw invalidInput("choices", `Only managers and admins get the ${NOTIFICATION_KIND_INFO[refused.kind].label}.`);
  }
  await scope.db.transaction(async (tx) => {
    const before = await personalChoices(tx, scope.org.id, scope.user.id);
    if (sameChoices(before, choices)) return;
    const mine = and(
      eq(notificationPreferences.organizationId, scope.org.id),
      eq(notificationPreferences.userId, scope.user.id),
    );
    await tx.delete(notificationPreferences).where(mine);
    if (choices.length > 0) {
      await tx
        .insert(notificationPreferences)
        .values(choices.map((c) => ({ organizationId: scope.org.id, userId: scope.user.id, ...c })));
    }
    await recordActivity(
      tx,
      activityBy(scope, "notification_preferences", scope.user.id, "notification_preferences.updated", {
        before,
        after: choices,
      }),
    );
  });
  return myPreferences(scope);
}

/**
 * Replaces the organization's defaults: listed kinds and channels take the
 * given value for everyone who has not chosen otherwise; the rest the catalog's.
 */
export async function setOrganizationDefaults(scope: OrgScope, input: z.output<typeof notificationPreferencesInput>) {
  const choices = distinct(input.choices);
  await scope.db.transaction(async (tx) => {
    const before = await organizationChoices(tx, scope.org.id);
    if (sameChoices(before, choices)) return;
    await tx.delete(notificationDefaults).where(eq(notificationDefaults.organizationId, scope.org.id));
    if (choices.length > 0) {
      await tx.insert(notificationDefaults).values(choices.map((c) => ({ organizationId: scope.org.id, ...c })));
    }
    await recordActivity(
      tx,
      activityBy(scope, "organization", scope.org.id, "notification_defaults.updated", { before, after: choices }),
    );
  });
  return organizationDefaults(scope);
}

import { and, eq, organizations, sql } from "@meridian/db";
import type { ZOrganizationSettingsSchema } from "@meridian/domain";
import type { z } from "zod";
import { recordActivity } from "../../lib/activity";
import { editConflict } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { settingsColumns } from "./organizations.queries";

/**
 * The organization's own settings. Written out rather than through
 * `auditedUpdate`: the organization row is the tenant itself and has no
 * `organization_id` to scope by.
 */
export function updateOrganizationSettings(scope: OrgScope, input: z.output<typeof ZOrganizationSettingsSchema>) {
  return scope.db.transaction(async (tx) => {
    const { version, ...changes } = input;
    const [updated] = await tx
      .update(organizations)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${organizations.version} + 1` })
      .where(and(eq(organizations.id, scope.org.id), eq(organizations.version, version)))
      .returning(settingsColumns);
    if (!updated) {
      const [current] = await tx.select(settingsColumns).from(organizations).where(eq(organizations.id, scope.org.id));
      throw editConflict("organization", current ?? {});
    }
    await recordActivity(tx, {
      organizationId: scope.org.id,
      actorId: scope.user.id,
      entityType: "organization",
      entityId: scope.org.id,
      action: "organization.settings_updated",
      details: changes,
    });
    return updated;
  });
}

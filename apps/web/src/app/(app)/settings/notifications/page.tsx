import type { Metadata } from "next";
import { Prefetched } from "~/components/settings/prefetched";
import { SettingsSection } from "~/components/settings/settings-section";
import { requirePermission } from "~/server/permissions";
import { trpc } from "~/trpc/server";
import { CheckInScheduleForm } from "./_components/check-in-schedule-form";
import { OrganizationDefaults } from "./_components/organization-defaults";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  await requirePermission("notification.settings");
  return (
    <Prefetched
      queries={[
        trpc.notifications.checkInSchedule.queryOptions(),
        trpc.notifications.organizationDefaults.queryOptions(),
      ]}
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <SettingsSection
          title="Weekly check-in"
          description="The day and time people are asked to check in, in each person's own time zone, and when a missing check-in gets its reminder."
        >
          <CheckInScheduleForm />
        </SettingsSection>
        <SettingsSection
          title="Default notifications"
          description="What people get until they choose otherwise on their own preferences page."
        >
          <OrganizationDefaults />
        </SettingsSection>
      </div>
    </Prefetched>
  );
}

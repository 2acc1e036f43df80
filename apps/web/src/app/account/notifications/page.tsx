import type { Metadata } from "next";
import { Prefetched } from "~/components/settings/prefetched";
import { trpc } from "~/trpc/server";
import { PreferencesView } from "./preferences-view";

export const metadata: Metadata = { title: "Notification preferences" };

export default async function NotificationPreferencesPage() {
  return (
    <Prefetched queries={[trpc.notifications.myPreferences.queryOptions()]}>
      <PreferencesView />
    </Prefetched>
  );
}

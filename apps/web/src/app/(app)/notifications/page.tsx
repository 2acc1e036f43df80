import type { Metadata } from "next";
import { Prefetched } from "~/components/settings/prefetched";
import { trpc } from "~/trpc/server";
import { NotificationsView } from "./notifications-view";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  return (
    <Prefetched queries={[trpc.notifications.unreadCount.queryOptions()]}>
      <NotificationsView />
    </Prefetched>
  );
}

"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { NotificationItem, type NotificationView } from "~/components/notifications/notification-item";
import { NotificationListStatus } from "~/components/notifications/notification-list-status";
import { unreadLabel, useMarkRead, useUnreadCount } from "~/components/notifications/use-notifications";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

const PAGE = 20;

/** The notification centre: everything one was told, newest first, a page at a time. */
export function NotificationsView() {
  const trpc = useTRPC();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unread = useUnreadCount();
  const pages = useInfiniteQuery(
    trpc.notifications.inbox.infiniteQueryOptions(
      { limit: PAGE, unreadOnly },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const { some, all } = useMarkRead();
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const count = unread.data?.unread ?? 0;
  const onOpen = (item: NotificationView) => {
    if (item.readAt === null) some.mutate({ ids: [item.id] });
  };

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader kicker="Notifications" title="Notification centre">
        <Link href="/account/notifications" className={ui.secondary}>
          Preferences
        </Link>
      </PageHeader>
      <section aria-labelledby="inbox-heading" className={ui.card}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="inbox-heading" className="text-lg font-semibold text-slate-900">
            Inbox <span className="text-sm font-normal text-slate-500">({unreadLabel(count)})</span>
          </h2>
          <div className="flex flex-wrap items-center gap-3">
            <label className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={unreadOnly}
                onChange={(e) => setUnreadOnly(e.target.checked)}
                className="h-4 w-4 rounded border-slate-300 text-indigo-600"
              />
              Unread only
            </label>
            <Button variant="secondary" disabled={count === 0 || all.isPending} onClick={() => all.mutate()}>
              Mark all read
            </Button>
          </div>
        </div>
        <NotificationListStatus
          query={pages}
          isEmpty={items.length === 0}
          emptyText={
            unreadOnly ? "Nothing unread." : "Nothing yet. Mentions, comments, reviews and red KPIs show up here."
          }
          className="mt-4"
        >
          <ul aria-label="Notifications" className="mt-3 divide-y divide-slate-100">
            {items.map((item) => (
              <li key={item.id} className="py-0.5">
                <NotificationItem item={item} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        </NotificationListStatus>
        {pages.hasNextPage && (
          <div className="mt-4">
            <Button variant="secondary" disabled={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
              {pages.isFetchingNextPage ? "Loading…" : "Show older"}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";
import { NotificationItem, type NotificationView } from "./notification-item";
import { NotificationListStatus } from "./notification-list-status";
import { unreadLabel, useMarkRead, useUnreadCount } from "./use-notifications";

/** How many of the latest the popover lists; the rest are on /notifications. */
const LATEST = 8;

/**
 * The bell in the header: its name carries the unread count ("Notifications,
 * 3 unread"); it opens a panel of the latest notifications (a disclosure:
 * focus moves into it, Escape or a click outside closes it and focus returns
 * to the bell) with "Mark all read" and a link to the notification centre.
 */
export function NotificationBell() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  const unread = useUnreadCount();
  const count = unread.data?.unread ?? 0;
  const latest = useQuery({ ...trpc.notifications.inbox.queryOptions({ limit: LATEST }), enabled: open });
  const { some, all } = useMarkRead();

  const close = (refocus: boolean) => {
    setOpenOn(null);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpenOn(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const onOpenItem = (item: NotificationView) => {
    if (item.readAt === null) some.mutate({ ids: [item.id] });
    setOpenOn(null);
  };

  const items = latest.data?.items ?? [];
  return (
    <div ref={root} className="relative shrink-0">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Notifications, ${unreadLabel(count)}`}
        onClick={() => (open ? close(false) : setOpenOn(pathname))}
        className="relative inline-flex h-10 w-10 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor">
          <path
            d="M14.857 17.082a23.848 23.848 0 0 0 5.454-1.31A8.967 8.967 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.967 8.967 0 0 1-2.312 6.022c1.733.64 3.56 1.085 5.455 1.31m5.714 0a24.255 24.255 0 0 1-5.714 0m5.714 0a3 3 0 1 1-5.714 0"
            strokeWidth="1.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {count > 0 && (
          <span
            aria-hidden="true"
            className="absolute right-0.5 top-0.5 min-w-[1.125rem] rounded-full bg-rose-600 px-1 text-center text-[0.6875rem] font-semibold leading-[1.125rem] text-white"
          >
            {count > 99 ? "99+" : count}
          </span>
        )}
      </button>
      {open && (
        <section
          ref={panel}
          id={id}
          aria-label="Latest notifications"
          tabIndex={-1}
          className="fixed inset-x-2 top-14 z-40 max-h-[calc(100dvh-4.5rem)] overflow-y-auto rounded-xl border border-slate-200 bg-white shadow-xl focus:outline-none sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-2 sm:w-96"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
            <h2 className="text-sm font-semibold text-slate-900">Notifications</h2>
            <Button variant="ghost" size="sm" disabled={count === 0 || all.isPending} onClick={() => all.mutate()}>
              Mark all read
            </Button>
          </div>
          <NotificationListStatus
            query={latest}
            isEmpty={items.length === 0}
            emptyText="Nothing yet. Mentions, comments and reviews show up here."
            className="px-4 py-6"
          >
            <ul className="p-1.5">
              {items.map((item) => (
                <li key={item.id}>
                  <NotificationItem item={item} onOpen={onOpenItem} compact />
                </li>
              ))}
            </ul>
          </NotificationListStatus>
          <div className="flex items-center justify-between border-t border-slate-100 px-4 py-2.5 text-sm">
            <Link
              href="/notifications"
              onClick={() => setOpenOn(null)}
              className="font-medium text-indigo-700 hover:underline"
            >
              See all notifications
            </Link>
            <Link
              href="/account/notifications"
              onClick={() => setOpenOn(null)}
              className="text-slate-600 hover:text-slate-900 hover:underline"
            >
              Preferences
            </Link>
          </div>
        </section>
      )}
    </div>
  );
}

"use client";

import Link from "next/link";
import { formatDateTime } from "~/components/ui/format";

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/**
 * One notification: a link to what it is about that marks it read on the way.
 * Unread ones are marked by a dot and bold text, and say so to screen readers.
 */
export function NotificationItem({
  item,
  onOpen,
  compact = false,
}: {
  item: NotificationView;
  onOpen: (item: NotificationView) => void;
  compact?: boolean;
}) {
  const unread = item.readAt === null;
  return (
    <Link
      href={item.link}
      onClick={() => onOpen(item)}
      className={`flex gap-3 rounded-lg px-3 py-2.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 ${
        unread ? "bg-indigo-50/60" : ""
      }`}
    >
      <span
        aria-hidden="true"
        className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${unread ? "bg-indigo-600" : "bg-transparent"}`}
      />
      <span className="min-w-0 flex-1">
        <span className={`block text-sm ${unread ? "font-semibold text-slate-900" : "text-slate-700"}`}>
          {unread && <span className="sr-only">Unread: </span>}
          {item.title}
        </span>
        {item.body && (
          <span className={`mt-0.5 block text-sm text-slate-600 ${compact ? "line-clamp-2" : ""}`}>{item.body}</span>
        )}
        <time dateTime={item.createdAt} className="mt-0.5 block text-xs text-slate-600">
          {formatDateTime(item.createdAt)}
        </time>
      </span>
    </Link>
  );
}

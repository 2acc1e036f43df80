import type { ReactNode } from "react";

/**
 * What a list of notifications shows before its items: loading, a failed read, or nothing to
 * show. The bell's panel and the notifications page word and place these alike.
 */
export function NotificationListStatus({
  query,
  isEmpty,
  emptyText,
  className,
  children,
}: {
  query: { isPending: boolean; isError: boolean };
  isEmpty: boolean;
  emptyText: string;
  /** Spacing around the message, which differs between the panel and the page. */
  className: string;
  children: ReactNode;
}) {
  if (query.isPending) return <p className={`${className} text-sm text-slate-500`}>Loading…</p>;
  if (query.isError) {
    return (
      <p role="alert" className={`${className} text-sm text-rose-700`}>
        The notifications could not be loaded. Try again in a moment.
      </p>
    );
  }
  if (isEmpty) return <p className={`${className} text-sm text-slate-500`}>{emptyText}</p>;
  return children;
}

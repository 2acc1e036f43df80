"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "~/trpc/react";

/** How often the bell asks for the unread count, besides on window focus: a cheap count, no socket. */
export const UNREAD_POLL_MS = 60_000;

/** The caller's unread count, polled; shared by the bell and the notification centre. */
export function useUnreadCount() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.notifications.unreadCount.queryOptions(),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** Marks notifications read (some, or all) and refreshes every notification query. */
export function useMarkRead() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () => queryClient.invalidateQueries(trpc.notifications.pathFilter()),
    [queryClient, trpc],
  );
  const some = useMutation({ ...trpc.notifications.markRead.mutationOptions(), onSettled: refresh });
  const all = useMutation({ ...trpc.notifications.markAllRead.mutationOptions(), onSettled: refresh });
  return { some, all };
}

/** "3 unread", "99+ unread", "none unread": what the bell's name and the pages say. */
export function unreadLabel(count: number | undefined): string {
  if (!count) return "none unread";
  return `${count > 99 ? "99+" : count} unread`;
}

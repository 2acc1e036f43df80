"use client";

import { useState } from "react";
import { type RouterName, useInvalidate } from "~/components/ui/use-invalidate";

/**
 * For the one-click actions of a settings list (change a role, close a cycle, archive a team):
 * mutation callbacks that refresh the named routers' queries after success and keep the last
 * failure's message to show above the list.
 */
export function useActionFeedback(routers: RouterName[], afterSuccess?: () => void) {
  const invalidate = useInvalidate(...routers);
  const [failure, setFailure] = useState<string | null>(null);
  const callbacks = {
    onSuccess: async () => {
      setFailure(null);
      afterSuccess?.();
      await invalidate();
    },
    onError: (error: { message: string }) => setFailure(error.message),
  };
  return { failure, callbacks };
}

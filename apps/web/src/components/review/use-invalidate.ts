"use client";

import { useInvalidate } from "~/components/ui/use-invalidate";

/** After a change to a review or an action: the reviews and corrective-action queries are read again, nothing else. */
export const useInvalidateReviews = () => useInvalidate("reviews", "correctiveActions");

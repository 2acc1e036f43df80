"use client";

import { useInvalidate } from "~/components/ui/use-invalidate";

/** After a change on this page: the objectives router's queries are read again, nothing else. */
export const useInvalidateObjectives = () => useInvalidate("objectives");

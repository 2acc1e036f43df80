"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** The strategy's objectives grouped by perspective: what an OKR objective can contribute to. */
export function useStrategicObjectiveBands() {
  const trpc = useTRPC();
  const strategy = useQuery(trpc.strategy.map.queryOptions({}));
  const bands = strategy.data?.perspectives.filter((p) => p.objectives.length > 0) ?? [];
  return { loaded: Boolean(strategy.data), bands };
}

export type StrategicObjectiveBand = ReturnType<typeof useStrategicObjectiveBands>["bands"][number];

/** The options of a "Strategic objective" select: none, then each perspective's objectives. */
export function StrategicObjectiveOptions({
  bands,
  noneLabel = "None",
}: {
  bands: readonly StrategicObjectiveBand[];
  /** The empty choice's text, where "None" needs saying what it means. */
  noneLabel?: string;
}) {
  return (
    <>
      <option value="">{noneLabel}</option>
      {bands.map((p) => (
        <optgroup key={p.id} label={p.name}>
          {p.objectives.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

"use client";

// The choices of the "serves" pickers (experiment and campaign forms): the current cycle's objectives and
// their key results (as the objectives list shows them to this person), KPIs and campaigns. What a record
// links to already stays choosable when it is not in these lists (another cycle, a later page).
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

export interface Named {
  id: string;
  name: string;
}

/** The current cycle's objectives with their key results; the list reads at most 100. */
export function useOkrChoices() {
  const trpc = useTRPC();
  const list = useQuery(trpc.objectives.list.queryOptions({ limit: 100 }));
  const objectives =
    list.data?.objectives.map((o) => ({
      id: o.id,
      name: o.title,
      keyResults: o.keyResults.map((kr) => ({ id: kr.id, name: kr.title })),
    })) ?? [];
  return { loaded: !list.isPending, objectives };
}
export type OkrChoice = ReturnType<typeof useOkrChoices>["objectives"][number];

export function useKpiChoices() {
  const trpc = useTRPC();
  const list = useQuery(trpc.kpis.list.queryOptions({ limit: 100 }));
  return { loaded: !list.isPending, kpis: list.data?.kpis.map((k) => ({ id: k.id, name: k.name })) ?? [] };
}

export function useCampaignChoices() {
  const trpc = useTRPC();
  const list = useQuery(trpc.campaigns.list.queryOptions({ limit: 100 }));
  return {
    loaded: !list.isPending,
    campaigns: list.data?.campaigns.map((c) => ({ id: c.id, name: `${c.name} (${c.startsOn})` })) ?? [],
  };
}

/** Keeps the linked record in the list when the choices do not hold it. */
function withCurrent(items: readonly Named[], current: Named | null | undefined): readonly Named[] {
  return current && !items.some((i) => i.id === current.id) ? [current, ...items] : items;
}

export function NamedOptions({
  items,
  current,
  noneLabel = "None",
}: {
  items: readonly Named[];
  current?: Named | null;
  noneLabel?: string;
}) {
  return (
    <>
      <option value="">{noneLabel}</option>
      {withCurrent(items, current).map((i) => (
        <option key={i.id} value={i.id}>
          {i.name}
        </option>
      ))}
    </>
  );
}

/** Key results grouped under their objectives. */
export function KeyResultOptions({
  objectives,
  current,
  noneLabel = "None",
}: {
  objectives: readonly OkrChoice[];
  current?: Named | null;
  noneLabel?: string;
}) {
  const listed = objectives.some((o) => o.keyResults.some((kr) => kr.id === current?.id));
  return (
    <>
      <option value="">{noneLabel}</option>
      {current && !listed && <option value={current.id}>{current.name}</option>}
      {objectives
        .filter((o) => o.keyResults.length > 0)
        .map((o) => (
          <optgroup key={o.id} label={o.name}>
            {o.keyResults.map((kr) => (
              <option key={kr.id} value={kr.id}>
                {kr.name}
              </option>
            ))}
          </optgroup>
        ))}
    </>
  );
}

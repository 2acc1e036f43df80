"use client";

import { KPI_STATUSES, type TStrategyMapInput } from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { QuarterSelect } from "~/components/scorecard/quarter-select";
import { KPI_STATUS_STYLES } from "~/components/scorecard/status-colours";
import { StatusPill } from "~/components/scorecard/status-pill";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import { LinkList } from "./_components/link-list";
import { ObjectivePanel } from "./_components/objective-panel";
import { StrategyGraph } from "./_components/strategy-graph";

export function StrategyMapView({ input }: { input: TStrategyMapInput }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const map = useQuery(trpc.strategy.map.queryOptions(input));
  const me = useQuery(trpc.me.get.queryOptions());
  // Hiding the editing controls is a courtesy; the server refuses everyone but admins.
  const editable = me.data?.permissions.includes("strategy.manage") ?? false;
  const [selectedLinkId, setSelectedLinkId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [openedId, setOpenedId] = useState<string | null>(null);
  // Said by the status line under the legend: a removed link (its arrow, which had focus, is gone).
  const [announcement, setAnnouncement] = useState("");
  const figure = useRef<HTMLDivElement>(null);

  // A link changes no score: only the map is read again.
  const invalidate = useInvalidate("strategy");
  const link = useMutation(trpc.strategy.link.mutationOptions({ onSuccess: invalidate }));
  const unlink = useMutation(
    trpc.strategy.unlink.mutationOptions({
      onSuccess: async (_data, { linkId }) => {
        setSelectedLinkId(null);
        setAnnouncement(`Removed the link ${linkNames.current.get(linkId) ?? ""}.`);
        await invalidate();
        // The focused arrow is gone: focus stays on the map, where the next Tab finds the next arrow.
        if (!document.activeElement || document.activeElement === document.body) figure.current?.focus();
      },
      onError: (error) => setFailure(error.message),
    }),
  );
  const onDrawLink = useCallback(
    (causeId: string, effectId: string) => {
      setFailure(null);
      link.mutate({ causeId, effectId }, { onError: (error) => setFailure(error.message) });
    },
    [link],
  );
  const onUnlink = useCallback(
    (linkId: string) => {
      setFailure(null);
      if (!unlink.isPending) unlink.mutate({ linkId });
    },
    [unlink],
  );
  const onOpenObjective = useCallback((objectiveId: string) => setOpenedId(objectiveId), []);
  const closeObjective = useCallback(() => {
    const id = openedId;
    setOpenedId(null);
    // Back to the objective's name on the map, which opened it.
    if (id) document.querySelector<HTMLElement>(`[data-objective-id="${id}"]`)?.focus();
  }, [openedId]);
  const linkNames = useRef(new Map<string, string>());

  if (map.error) {
    return (
      <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-rose-800">
        {map.error.message}
      </p>
    );
  }
  if (!map.data) return <p className="text-slate-500">Loading…</p>;

  const { period, availableQuarters, perspectives, links, score, status } = map.data;
  const objectives = perspectives.flatMap((p) => p.objectives);
  const nameOf = new Map(objectives.map((o) => [o.id, o.name]));
  const selected = links.find((l) => l.id === selectedLinkId) ?? null;
  const opened = objectives.find((o) => o.id === openedId) ?? null;
  linkNames.current = new Map(links.map((l) => [l.id, `${nameOf.get(l.causeId)} → ${nameOf.get(l.effectId)}`]));

  return (
    <div className="space-y-6">
      <PageHeader kicker="Strategy" title="Strategy map">
        <div className="flex items-end gap-4">
          <div className="text-right">
            <p className="text-xs font-medium text-slate-600">Scorecard · {period.label}</p>
            <div className="mt-1">
              <StatusPill status={status} score={score} />
            </div>
          </div>
          <QuarterSelect
            quarters={availableQuarters}
            value={period.start}
            onChange={(start) => {
              setSelectedLinkId(null);
              router.push(`${pathname}?period=${start}`);
            }}
          />
        </div>
      </PageHeader>

      {perspectives.length === 0 ? (
        <div className={`${ui.card} py-10 text-center`}>
          <p className="font-medium text-slate-900">No perspectives yet.</p>
          <p className="mt-1 text-sm text-slate-500">
            {editable ? (
              <>
                Set up the scorecard's perspectives and strategic objectives in{" "}
                <Link href="/settings/scorecard" className="font-medium text-indigo-600 hover:underline">
                  Settings → Scorecard
                </Link>
                .
              </>
            ) : (
              "An administrator sets up the scorecard's perspectives and strategic objectives."
            )}
          </p>
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <ul
              aria-label="Status legend"
              className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600"
            >
              <li className="font-medium text-slate-700">
                {objectives.length} strategic objective{objectives.length === 1 ? "" : "s"}
              </li>
              {KPI_STATUSES.map((s) => (
                <li key={s} className="flex items-center gap-1.5">
                  <span aria-hidden="true" className={`h-2 w-2 rounded-full ${KPI_STATUS_STYLES[s].dot}`} />
                  {KPI_STATUS_STYLES[s].label}
                  <span className="tabular-nums text-slate-500">{objectives.filter((o) => o.status === s).length}</span>
                </li>
              ))}
            </ul>
            {editable && (
              <div className="flex min-h-9 items-center gap-3 text-xs text-slate-500">
                {selected ? (
                  <>
                    <span className="text-sm text-slate-700">
                      Selected: {nameOf.get(selected.causeId)} → {nameOf.get(selected.effectId)}
                    </span>
                    <Button variant="danger" disabled={unlink.isPending} onClick={() => onUnlink(selected.id)}>
                      Remove link
                    </Button>
                  </>
                ) : (
                  <span>
                    Drag from an objective's edge to another to link cause → effect; click an arrow to select it, or Tab
                    to it and press Delete to remove it.
                  </span>
                )}
              </div>
            )}
          </div>
          <p role="status" className="sr-only">
            {announcement}
          </p>
          {failure && <Alert>{failure}</Alert>}
          {objectives.length === 0 && (
            <p className={`${ui.card} text-sm text-slate-600`}>
              No strategic objectives yet.{" "}
              {editable ? (
                <>
                  Add them per perspective in{" "}
                  <Link href="/settings/scorecard" className="font-medium text-indigo-600 hover:underline">
                    Settings → Scorecard
                  </Link>
                  .
                </>
              ) : (
                "An administrator adds them per perspective."
              )}
            </p>
          )}
          <div ref={figure} tabIndex={-1} className="focus:outline-none">
            <StrategyGraph
              perspectives={perspectives}
              links={links}
              editable={editable}
              selectedLinkId={selectedLinkId}
              onSelectLink={setSelectedLinkId}
              onLink={onDrawLink}
              onUnlink={onUnlink}
              onOpenObjective={onOpenObjective}
            />
          </div>
          {opened && <ObjectivePanel objective={opened} period={period.start} onClose={closeObjective} />}
          <LinkList
            perspectives={perspectives}
            links={links}
            editable={editable}
            selectedLinkId={selectedLinkId}
            pending={link.isPending || unlink.isPending}
            onSelectLink={setSelectedLinkId}
            onLink={(causeId, effectId) => link.mutateAsync({ causeId, effectId })}
            onUnlink={onUnlink}
          />
        </>
      )}
    </div>
  );
}

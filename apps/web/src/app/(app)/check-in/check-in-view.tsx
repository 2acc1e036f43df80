"use client";

import { todayIso } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { Loading } from "~/components/okr/page-states";
import { PageHeader } from "~/components/ui/field";
import { Section } from "~/components/ui/section";
import { useTRPC } from "~/trpc/react";
import { ActionRow } from "./_components/action-row";
import { KeyResultCheckIn, type RowState } from "./_components/key-result-check-in";
import { KpiActualRow } from "./_components/kpi-actual-row";
import type { CheckInQueue } from "./_components/types";

export function CheckInView() {
  const trpc = useTRPC();
  // Read once: rows saved here stay on the page (marked saved) until the next visit, however the
  // queries behind My OKRs are refreshed meanwhile.
  const { data, error } = useQuery({ ...trpc.checkIns.weekly.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  if (error) return <p role="alert">{error.message}</p>;
  if (data === undefined) return <Loading />;
  return <Queue queue={data} />;
}

function Queue({ queue }: { queue: CheckInQueue }) {
  const [states, setStates] = useState<Record<string, RowState>>({});
  const [announcement, setAnnouncement] = useState("");
  const list = useRef<HTMLUListElement>(null);
  const doneHeading = useRef<HTMLParagraphElement>(null);
  const today = todayIso();
  const rows = queue.keyResults;
  const saved = rows.filter((r) => states[r.keyResult.id] === "saved").length;

  /** Moves the focus to the first field of the next row still open after `id`, or to the summary. */
  const moveOn = (id: string, next: Record<string, RowState>) => {
    const index = rows.findIndex((r) => r.keyResult.id === id);
    const after = [...rows.slice(index + 1), ...rows.slice(0, index)].find(
      (r) => next[r.keyResult.id] !== "saved" && next[r.keyResult.id] !== "skipped",
    );
    // After React has rendered the row's new state.
    requestAnimationFrame(() => {
      const field = after
        ? list.current?.querySelector<HTMLElement>(`[data-queue-row="${after.keyResult.id}"] form :is(input, select)`)
        : null;
      (field ?? doneHeading.current)?.focus();
    });
  };

  const onDone = (id: string, title: string) => (outcome: "saved" | "skipped") => {
    const next = { ...states, [id]: outcome };
    setStates(next);
    setAnnouncement(outcome === "saved" ? `Check-in on ${title} saved.` : `${title} skipped; it stays due.`);
    moveOn(id, next);
  };

  const left = rows.length - saved;
  return (
    <div className="space-y-6">
      <PageHeader kicker={`Weekly check-in${queue.cycle ? ` · ${queue.cycle.name}` : ""}`} title="Check in">
        <Link href="/my" className="text-sm font-medium text-indigo-700 hover:underline">
          My OKRs
        </Link>
      </PageHeader>

      <Section
        title="Key results due"
        description={
          rows.length === 0
            ? undefined
            : "Enter saves a row and moves to the next; Escape puts the row back as it was; Tab moves between fields; the arrow keys set the confidence."
        }
      >
        <p ref={doneHeading} tabIndex={-1} className="mt-2 text-sm text-slate-700 focus:outline-none">
          {rows.length === 0
            ? "You are up to date: every key result you own has a check-in from the last 7 days."
            : left === 0
              ? `All ${rows.length} check-ins saved. Well done.`
              : `${saved} of ${rows.length} saved, ${left} to go.`}
        </p>
        <p role="status" className="mt-1 text-xs font-medium text-emerald-800 empty:hidden">
          {announcement}
        </p>
        {rows.length > 0 && (
          <ul ref={list} aria-label="Key results due" className="mt-2 divide-y divide-slate-100">
            {rows.map((item) => (
              <KeyResultCheckIn
                key={item.keyResult.id}
                item={item}
                expected={queue.expected}
                state={states[item.keyResult.id] ?? "due"}
                onDone={onDone(item.keyResult.id, item.keyResult.title)}
              />
            ))}
          </ul>
        )}
      </Section>

      <Section
        title="KPI actuals owed"
        description={
          queue.kpis.length === 0
            ? undefined
            : "The last period that ended has no actual yet: enter it here (Enter saves), or open the KPI's actuals grid."
        }
      >
        {queue.kpis.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Every KPI you own has its actual for the last period.</p>
        ) : (
          <ul aria-label="KPI actuals owed" className="mt-2 divide-y divide-slate-100">
            {queue.kpis.map((kpi) => (
              <KpiActualRow key={kpi.id} kpi={kpi} />
            ))}
          </ul>
        )}
      </Section>

      <Section title="Corrective actions assigned to me">
        {queue.actions.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No open corrective actions are assigned to you.</p>
        ) : (
          <ul aria-label="Corrective actions assigned to me" className="mt-2 divide-y divide-slate-100">
            {queue.actions.map((action) => (
              <ActionRow key={action.id} action={action} today={today} />
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

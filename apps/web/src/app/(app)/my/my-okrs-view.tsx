"use client";

import type { AppRouter } from "@meridian/api";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { type ReactNode, useId, useRef, useState } from "react";
import { KeyResultRow } from "~/components/okr/key-result-row";
import { ObjectiveCard } from "~/components/okr/objective-card";
import { Loading } from "~/components/okr/page-states";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

export function MyOkrsView() {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.objectives.mine.queryOptions());
  if (error) return <p role="alert">{error.message}</p>;
  if (data === undefined) return <Loading />;
  if (data === null) return <p className={ui.card}>No cycle is open yet.</p>;

  return (
    <div className="space-y-8">
      <PageHeader kicker={`My OKRs · ${data.cycle.name}`} title="What I own this cycle">
        {data.dueCheckIns.length > 0 && (
          <Link href="/check-in" className={buttonClass("primary")}>
            Do the weekly check-in
          </Link>
        )}
      </PageHeader>

      <KeyResultsSection
        title="Check-ins due this week"
        listLabel="Check-ins due"
        items={data.dueCheckIns}
        expected={data.expected}
        leavesOnCheckIn
        empty={
          <p className="mt-2 text-sm text-slate-600">
            You are up to date: every key result you own has a check-in from the last 7 days.
          </p>
        }
      />

      {data.keyResultsElsewhere.length > 0 && (
        <KeyResultsSection
          title="My key results in other objectives"
          listLabel="My key results in other objectives"
          items={data.keyResultsElsewhere}
          expected={data.expected}
        />
      )}

      <section aria-labelledby="owned-heading" className="space-y-4">
        <h2 id="owned-heading" className="text-base font-semibold">
          My objectives
        </h2>
        {data.objectives.length === 0 ? (
          <p className="text-sm text-slate-600">You own no objectives in this cycle yet.</p>
        ) : (
          data.objectives.map((o) => (
            <ObjectiveCard key={o.id} objective={o} keyResults={o.keyResults} expected={data.expected} />
          ))
        )}
      </section>
    </div>
  );
}

type Mine = NonNullable<inferRouterOutputs<AppRouter>["objectives"]["mine"]>;

/** A card of key results, each under the title of its objective. */
function KeyResultsSection({
  title,
  listLabel,
  items,
  expected,
  empty,
  leavesOnCheckIn = false,
}: {
  title: string;
  listLabel: string;
  items: Mine["dueCheckIns"];
  expected: number;
  /** Shown instead of the list when it is empty. */
  empty?: ReactNode;
  /** A key result checked in leaves this list: the list announces the save and takes the focus. */
  leavesOnCheckIn?: boolean;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const onSaved = leavesOnCheckIn
    ? (krTitle: string) => {
        setAnnouncement(`Check-in on ${krTitle} saved.`);
        heading.current?.focus();
      }
    : undefined;
  return (
    <section aria-labelledby={id} className={ui.card}>
      <h2 id={id} ref={heading} tabIndex={-1} className="text-base font-semibold focus:outline-none">
        {title}
      </h2>
      {leavesOnCheckIn && (
        <p role="status" className="mt-1 text-xs font-medium text-emerald-800 empty:hidden">
          {announcement}
        </p>
      )}
      {items.length === 0 ? (
        empty
      ) : (
        <ul aria-label={listLabel} className="mt-2 divide-y divide-slate-100">
          {items.map(({ keyResult, objective }) => (
            <KeyResultRow
              key={keyResult.id}
              keyResult={keyResult}
              expected={expected}
              objectiveTitle={objective.title}
              onSaved={onSaved}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

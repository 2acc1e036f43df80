"use client";

import { useEffect, useId, useMemo, useState } from "react";
import { ui } from "~/components/ui/styles";
import { CheckInChart } from "./check-in-chart";
import { CheckInTable } from "./check-in-table";
import { historyChartData } from "./history-chart-data";
import type { ObjectiveDetail } from "./types";

/** The chart and the table of one key result's check-ins, chosen with a select. */
export function CheckInHistory({
  detail,
  currentUserId,
  isAdmin,
}: {
  detail: ObjectiveDetail;
  currentUserId: string | null;
  isAdmin: boolean;
}) {
  const { objective, cycle, checkIns } = detail;
  const keyResults = objective.keyResults;
  const selectId = useId();
  // The first key result with check-ins, until someone picks another.
  const defaultId = (keyResults.find((kr) => checkIns.some((c) => c.keyResultId === kr.id)) ?? keyResults[0])?.id;
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  const selected = keyResults.find((kr) => kr.id === chosenId) ?? keyResults.find((kr) => kr.id === defaultId);
  // Read in the browser only, so the server's render and the hydrated one agree.
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => setNow(Date.now()), []);

  const entries = useMemo(
    () => (selected ? checkIns.filter((c) => c.keyResultId === selected.id) : []),
    [checkIns, selected],
  );
  const chart = useMemo(
    () =>
      selected
        ? historyChartData(
            selected,
            entries.map((c) => ({ at: new Date(c.createdAt), value: c.value })),
            { start: new Date(cycle.start), end: new Date(cycle.end) },
          )
        : null,
    [selected, entries, cycle],
  );

  return (
    <section aria-labelledby="history-heading" className={ui.card}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="history-heading" className="text-lg font-semibold text-slate-900">
          Check-in history
        </h2>
        {keyResults.length > 0 && selected && (
          <div className="w-full sm:w-80">
            <label htmlFor={selectId} className="block text-xs font-medium text-slate-600">
              Key result
            </label>
            <select
              id={selectId}
              value={selected.id}
              onChange={(e) => setChosenId(e.target.value)}
              className={`mt-1 ${ui.select}`}
            >
              {keyResults.map((kr) => (
                <option key={kr.id} value={kr.id}>
                  {kr.title}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {!selected || !chart ? (
        <p className="mt-3 text-sm text-slate-500">Add a key result to follow its check-ins here.</p>
      ) : (
        <>
          <div className="mt-4">
            <CheckInChart keyResult={selected} data={chart} now={now} />
          </div>
          <div className="mt-6">
            <CheckInTable
              keyResult={selected}
              entries={entries}
              canChange={(entry) =>
                cycle.status === "open" && (isAdmin || (currentUserId !== null && entry.authorId === currentUserId))
              }
            />
          </div>
        </>
      )}
    </section>
  );
}

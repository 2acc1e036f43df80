"use client";

import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { ScrollBox } from "~/components/ui/scroll-box";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { ExperimentPage } from "./types";

type Cell = { exposures: string; conversions: string };
type Grid = Record<string, Record<string, Cell>>;

const EMPTY: Cell = { exposures: "", conversions: "" };

function gridOf(page: ExperimentPage, metricId: string): Grid {
  const grid: Grid = {};
  for (const d of page.daily) {
    if (d.metricId !== metricId) continue;
    grid[d.day] ??= {};
    (grid[d.day] as Record<string, Cell>)[d.variantId] = {
      exposures: String(d.exposures),
      conversions: String(d.conversions),
    };
  }
  return grid;
}

/** Daily exposures and conversions per variant for one metric, typed in; saving the same numbers again changes nothing. */
export function ResultsGrid({ page }: { page: ExperimentPage }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate("experiments");
  const [metricId, setMetricId] = useState(page.metrics.find((m) => m.isPrimary)?.id ?? page.metrics[0]?.id ?? "");
  const stored = useMemo(() => gridOf(page, metricId), [page, metricId]);
  // What the person typed stays until it is saved, whatever the server sends meanwhile.
  const [edits, setEdits] = useState<Grid>({});
  const [newDay, setNewDay] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation(trpc.experiments.saveResults.mutationOptions());
  const days = [...new Set([...Object.keys(stored), ...Object.keys(edits)])].sort();
  const cell = (day: string, variantId: string): Cell => edits[day]?.[variantId] ?? stored[day]?.[variantId] ?? EMPTY;
  const setCell = (day: string, variantId: string, patch: Partial<Cell>) =>
    setEdits((prev) => ({ ...prev, [day]: { ...prev[day], [variantId]: { ...cell(day, variantId), ...patch } } }));

  const submit = async () => {
    setMessage(null);
    const rows = Object.entries(edits).flatMap(([day, byVariant]) =>
      Object.entries(byVariant).flatMap(([variantId, c]) =>
        c.exposures.trim() === "" && c.conversions.trim() === ""
          ? []
          : [{ variantId, day, exposures: Number(c.exposures), conversions: Number(c.conversions || "0") }],
      ),
    );
    if (rows.length === 0) {
      setMessage("Type some numbers first.");
      return;
    }
    try {
      const r = await save.mutateAsync({ experimentId: page.experiment.id, metricId, rows });
      await invalidate();
      setEdits({});
      setMessage(`Saved: ${r.created} new, ${r.updated} changed, ${r.unchanged} unchanged.`);
    } catch {
      // The error shows below; the typed numbers stay.
    }
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        {page.metrics.length > 1 && (
          <label className="text-sm text-slate-700">
            <span className="block font-medium">Metric</span>
            <select
              className="mt-1 rounded-lg border border-slate-300 px-3 py-2 text-sm"
              value={metricId}
              onChange={(e) => {
                setMetricId(e.target.value);
                setEdits({});
              }}
            >
              {page.metrics.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <Field label="Day">
          {(id) => (
            <Input id={id} type="date" value={newDay} onChange={(e) => setNewDay(e.target.value)} className="w-44" />
          )}
        </Field>
        <Button
          variant="secondary"
          disabled={!newDay}
          onClick={() => {
            setEdits((prev) => ({ ...prev, [newDay]: prev[newDay] ?? {} }));
            setNewDay("");
          }}
        >
          Add day
        </Button>
      </div>
      <ScrollBox label="Daily results">
        <table className="w-full min-w-[560px] border-collapse text-sm">
          <caption className="sr-only">Daily exposures and conversions per variant</caption>
          <thead className="border-y border-slate-200 bg-slate-50/60">
            <tr>
              <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase text-slate-500">
                Day
              </th>
              {page.variants.map((v) => (
                <th
                  key={v.id}
                  scope="col"
                  className="px-3 py-2 text-left text-xs font-semibold uppercase text-slate-500"
                >
                  {v.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {days.length === 0 && (
              <tr>
                <td colSpan={page.variants.length + 1} className="px-3 py-3 text-slate-600">
                  No days yet: pick a day above and add it.
                </td>
              </tr>
            )}
            {days.map((day) => (
              <tr key={day}>
                <th scope="row" className="px-3 py-2 text-left font-medium tabular-nums text-slate-800">
                  {day}
                </th>
                {page.variants.map((v) => {
                  const c = cell(day, v.id);
                  return (
                    <td key={v.id} className="px-3 py-2">
                      <div className="flex gap-2">
                        <Input
                          inputMode="numeric"
                          aria-label={`${v.name} exposures on ${day}`}
                          placeholder="Exposures"
                          value={c.exposures}
                          onChange={(e) => setCell(day, v.id, { exposures: e.target.value })}
                          className="w-28"
                        />
                        <Input
                          inputMode="numeric"
                          aria-label={`${v.name} conversions on ${day}`}
                          placeholder="Conversions"
                          value={c.conversions}
                          onChange={(e) => setCell(day, v.id, { conversions: e.target.value })}
                          className="w-28"
                        />
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={submit} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save numbers"}
        </Button>
        {save.error && <Alert>{save.error.message}</Alert>}
        {message && !save.error && <Alert tone="success">{message}</Alert>}
      </div>
    </div>
  );
}

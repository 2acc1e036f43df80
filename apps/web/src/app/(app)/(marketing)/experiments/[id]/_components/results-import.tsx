"use client";

import { EXPERIMENT_RESULTS_CSV_EXAMPLE } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Textarea } from "~/components/ui/input";
import { ScrollBox } from "~/components/ui/scroll-box";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

const STATUS_TEXT = { new: "New", update: "Changes", unchanged: "Unchanged", error: "Error" } as const;

/** A CSV of daily results: previewed row by row (nothing written), then imported all or nothing. */
export function ResultsImport({ experimentId }: { experimentId: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate("experiments");
  const [csv, setCsv] = useState("");
  const preview = useMutation(trpc.experiments.previewImport.mutationOptions());
  const run = useMutation(trpc.experiments.importResults.mutationOptions());
  const rows = preview.data?.rows ?? [];
  return (
    <div className="space-y-3">
      <label htmlFor="experiment-csv" className="block text-sm font-medium text-slate-700">
        CSV with the columns day, variant, exposures, conversions (metric optional)
      </label>
      <Textarea
        id="experiment-csv"
        rows={5}
        value={csv}
        placeholder={EXPERIMENT_RESULTS_CSV_EXAMPLE}
        onChange={(e) => {
          setCsv(e.target.value);
          preview.reset();
          run.reset();
        }}
        className="font-mono text-xs"
      />
      <label className="block text-sm text-slate-700">
        <span className="font-medium">Or choose a file</span>
        <input
          type="file"
          accept=".csv,text/csv"
          className="mt-1 block text-sm"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setCsv(await file.text());
          }}
        />
      </label>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={!csv.trim() || preview.isPending}
          onClick={() => preview.mutate({ experimentId, csv })}
        >
          Preview
        </Button>
        <Button
          disabled={!preview.data || preview.data.counts.error > 0 || run.isPending}
          onClick={async () => {
            await run.mutateAsync({ experimentId, csv });
            await invalidate();
          }}
        >
          Import
        </Button>
      </div>
      {preview.error && <Alert>{preview.error.message}</Alert>}
      {run.error && <Alert>{run.error.message}</Alert>}
      {run.data && (
        <Alert tone="success">
          Imported: {run.data.created} new, {run.data.updated} changed, {run.data.unchanged} unchanged.
        </Alert>
      )}
      {rows.length > 0 && (
        <ScrollBox label="Import preview">
          <table className="w-full min-w-[560px] text-sm">
            <caption className="sr-only">What the import would do, row by row</caption>
            <thead>
              <tr className="text-left text-xs uppercase text-slate-500">
                <th scope="col" className="px-2 py-1">
                  Line
                </th>
                <th scope="col" className="px-2 py-1">
                  Day
                </th>
                <th scope="col" className="px-2 py-1">
                  Variant
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  Exposures
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  Conversions
                </th>
                <th scope="col" className="px-2 py-1">
                  Result
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.line} className={r.status === "error" ? "bg-rose-50" : ""}>
                  <td className="px-2 py-1 tabular-nums">{r.line}</td>
                  <td className="px-2 py-1">{r.cells.day}</td>
                  <td className="px-2 py-1">{r.cells.variant}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{r.cells.exposures}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{r.cells.conversions}</td>
                  <td className="px-2 py-1">
                    {STATUS_TEXT[r.status]}
                    {r.errors.length > 0 && <span className="block text-xs text-rose-700">{r.errors.join(" ")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}

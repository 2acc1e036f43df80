"use client";

import {
  CAMPAIGN_RESULTS_CSV_EXAMPLE,
  CAMPAIGN_RESULTS_CSV_MAX_CHARS,
  type Currency,
  formatMoney,
} from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Textarea } from "~/components/ui/input";
import { ScrollBox } from "~/components/ui/scroll-box";
import { ui } from "~/components/ui/styles";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type Preview = RouterOutputs["campaigns"]["previewImport"];

interface ServerError {
  message: string;
  data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null;
}

const STATUS_LABEL = { new: "New", update: "Changes", unchanged: "Unchanged", error: "Error" } as const;

/** The KPI import's shape for campaign results: paste or choose a file, preview every row, then import all or none. */
export function ResultsImport() {
  const trpc = useTRPC();
  const invalidate = useInvalidate("campaigns", "kpis", "scorecard");
  const csvId = useId();
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<{ csv: string; result: Preview } | null>(null);
  const [failure, setFailure] = useState<ServerError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const previewImport = useMutation(trpc.campaigns.previewImport.mutationOptions());
  const runImport = useMutation(trpc.campaigns.import.mutationOptions());
  const current = preview && preview.csv === csv ? preview.result : null;

  const onPreview = async () => {
    setFailure(null);
    setDone(null);
    try {
      setPreview({ csv, result: await previewImport.mutateAsync({ csv }) });
    } catch (error) {
      setPreview(null);
      setFailure(error as ServerError);
    }
  };
  const onImport = async () => {
    setFailure(null);
    try {
      const r = await runImport.mutateAsync({ csv });
      setDone(`Imported: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged.`);
      setPreview(null);
      await invalidate();
    } catch (error) {
      setFailure(error as ServerError);
    }
  };
  const money = (v: number | null, c: Currency | null) => (c ? formatMoney(v, c) : "—");

  return (
    <div className="space-y-6">
      <section className={`${ui.card} space-y-2 text-sm text-slate-700`} aria-labelledby="format-title">
        <h2 id="format-title" className="text-base font-semibold text-slate-900">
          The file
        </h2>
        <p>
          A header row naming <code>campaign</code> (its name or id), <code>period</code> (a day, 2026-04-06, or a
          month, 2026-04), <code>currency</code> (the campaign's own) and any of <code>spend</code>,{" "}
          <code>conversions</code> and <code>revenue</code>; money in units with a dot for decimals. A blank cell is not
          entered; the same file again changes nothing.
        </p>
        <pre className="whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-xs [overflow-wrap:anywhere]">
          {CAMPAIGN_RESULTS_CSV_EXAMPLE}
        </pre>
      </section>
      <section className={`${ui.card} space-y-3`} aria-labelledby="csv-title">
        <h2 id="csv-title" className="text-base font-semibold text-slate-900">
          Your data
        </h2>
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="Choose a .csv file"
          className="text-sm"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            if (file.size > CAMPAIGN_RESULTS_CSV_MAX_CHARS)
              setFailure({ message: `${file.name} is larger than 2 MB.` });
            else setCsv(await file.text());
          }}
        />
        <label htmlFor={csvId} className="block text-sm font-medium text-slate-700">
          Or paste the CSV
        </label>
        <Textarea
          id={csvId}
          rows={6}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
          className="font-mono text-xs"
        />
        <div className="flex gap-2">
          <Button variant="secondary" disabled={!csv.trim() || previewImport.isPending} onClick={onPreview}>
            Preview
          </Button>
          <Button disabled={!current || current.counts.error > 0 || runImport.isPending} onClick={onImport}>
            Import
          </Button>
        </div>
        {failure && (
          <Alert tone="error">
            {failure.message}
            {(failure.data?.fieldErrors?.csv?.slice(1) ?? []).map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
          </Alert>
        )}
        {done && <Alert tone="success">{done}</Alert>}
      </section>
      {current && (
        <section className={ui.card} aria-labelledby="preview-title">
          <h2 id="preview-title" className="text-base font-semibold text-slate-900">
            Preview: {current.counts.new} new, {current.counts.update} changes, {current.counts.unchanged} unchanged,{" "}
            {current.counts.error} with errors
          </h2>
          <ScrollBox label="Import preview, row by row" className="mt-3">
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                  <th className="py-1 pr-2 font-medium">Line</th>
                  <th className="py-1 pr-2 font-medium">Campaign</th>
                  <th className="py-1 pr-2 font-medium">Period</th>
                  <th className="py-1 pr-2 font-medium">Spend</th>
                  <th className="py-1 pr-2 font-medium">Conversions</th>
                  <th className="py-1 pr-2 font-medium">Revenue</th>
                  <th className="py-1 font-medium">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {current.rows.map((r) => (
                  <tr key={r.line}>
                    <td className="py-1 pr-2">{r.line}</td>
                    <td className="py-1 pr-2">{r.campaign?.name ?? "—"}</td>
                    <td className="py-1 pr-2">{r.periodStart ?? "—"}</td>
                    <td className="py-1 pr-2">{money(r.spend, r.currency)}</td>
                    <td className="py-1 pr-2">{r.conversions ?? "—"}</td>
                    <td className="py-1 pr-2">{money(r.revenue, r.currency)}</td>
                    <td className="py-1">
                      {STATUS_LABEL[r.status]}
                      {r.errors.map((e) => (
                        <span key={e} className="block text-xs text-rose-700">
                          {e}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </section>
      )}
    </div>
  );
}

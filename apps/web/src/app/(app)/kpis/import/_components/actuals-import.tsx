"use client";

import { KPI_ACTUALS_CSV_MAX_CHARS } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Textarea } from "~/components/ui/input";
import { ui } from "~/components/ui/styles";
import { useInvalidateKpis } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import { CsvHelp } from "./csv-help";
import { ImportCounts, ImportPreviewTable } from "./import-preview-table";
import type { ImportPreview } from "./types";

interface ServerError {
  message: string;
  data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null;
}

/** The API's message, and the per-line errors it carries for the csv field (the first is the summary). */
const linesOf = (error: ServerError) => error.data?.fieldErrors?.csv?.slice(1) ?? [];

export function ActualsImport({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateKpis();
  const csvId = useId();
  const fileId = useId();
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  /** The preview and the text it was made from: a changed text needs a new preview before importing. */
  const [preview, setPreview] = useState<{ csv: string; result: ImportPreview } | null>(null);
  const [failure, setFailure] = useState<ServerError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const previewImport = useMutation(trpc.kpiActuals.previewImport.mutationOptions());
  const runImport = useMutation(trpc.kpiActuals.import.mutationOptions());
  const current = preview && preview.csv === csv ? preview.result : null;
  const canImport = current !== null && current.counts.error === 0 && !runImport.isPending;

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
    if (!current) return;
    setFailure(null);
    try {
      const result = await runImport.mutateAsync({ csv });
      setDone(
        `Imported ${current.rows.length} row${current.rows.length === 1 ? "" : "s"}: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged.`,
      );
      setPreview(null);
      await invalidate();
    } catch (error) {
      setFailure(error as ServerError);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setFailure(null);
    setDone(null);
    if (file.size > KPI_ACTUALS_CSV_MAX_CHARS) {
      setFailure({ message: `${file.name} is larger than 2 MB: split it into smaller files.` });
      return;
    }
    setFileName(file.name);
    setCsv(await file.text());
  };

  return (
    <div className="space-y-6">
      <CsvHelp isAdmin={isAdmin} />

      <section aria-labelledby="csv-input-heading" className={ui.card}>
        <h2 id="csv-input-heading" className="text-base font-semibold">
          Your data
        </h2>
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
          <label htmlFor={fileId} className={`${ui.secondary} cursor-pointer`}>
            Choose a .csv file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            className="sr-only"
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <span className="text-slate-500">{fileName ? `Loaded ${fileName}` : "or paste the rows below."}</span>
        </div>
        <label htmlFor={csvId} className="mt-4 block text-sm font-medium text-slate-700">
          CSV
        </label>
        <Textarea
          id={csvId}
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setDone(null);
          }}
          rows={10}
          spellCheck={false}
          placeholder={"kpi,period,value\nWebsite visitors,2026-07,48210"}
          className="mt-1 font-mono text-xs"
        />
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button variant="secondary" disabled={!csv.trim() || previewImport.isPending} onClick={onPreview}>
            {previewImport.isPending ? "Checking…" : "Preview"}
          </Button>
          {preview && !current && <span className="text-sm text-amber-700">The text changed: preview it again.</span>}
        </div>
        <div className="mt-4 space-y-2">
          <Alert>{failure?.message}</Alert>
          {failure && linesOf(failure).length > 0 && (
            <ul className="list-disc space-y-0.5 pl-5 text-sm text-rose-700">
              {linesOf(failure).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <Alert tone="success">{done}</Alert>
        </div>
      </section>

      {current && (
        <section aria-labelledby="preview-heading" className={ui.card}>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <h2 id="preview-heading" className="text-base font-semibold">
                Preview
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                {current.counts.error > 0
                  ? `${current.counts.error} of ${current.rows.length} rows have errors. Fix them in the file and preview again: nothing is imported while any row is wrong.`
                  : "Every row can be imported. Nothing has been written yet."}
              </p>
            </div>
            <Button disabled={!canImport} onClick={onImport}>
              {runImport.isPending
                ? "Importing…"
                : `Import ${current.rows.length} row${current.rows.length === 1 ? "" : "s"}`}
            </Button>
          </div>
          <div className="mt-4 space-y-4">
            <ImportCounts counts={current.counts} />
            <ImportPreviewTable preview={current} />
          </div>
        </section>
      )}
    </div>
  );
}

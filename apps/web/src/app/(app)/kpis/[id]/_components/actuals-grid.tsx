"use client";

import { formatKpiValue, type KpiFrequency, quarterContaining, quarterLabel, readActualValue } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { KpiDetail, KpiPeriodRow } from "~/components/kpi/types";
import { Alert } from "~/components/ui/alert";
import { entryHint } from "~/components/ui/format";
import { ui } from "~/components/ui/styles";
import { useInvalidateKpis } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

/** How many recent quarters the grid offers, by frequency: about a dozen to two dozen inputs. */
const GRID_QUARTERS: Record<KpiFrequency, number> = { weekly: 2, monthly: 4, quarterly: 8 };

const SOURCE_LABELS: Record<string, string> = { csv: "CSV", api: "API", manual: "" };

/** Reads a typed value as the CSV import and the API do; blank clears the period. */
function parse(text: string): { value: number | null } | { error: string } {
  return text.trim() === "" ? { value: null } : readActualValue(text);
}

/**
 * Many periods of an entered KPI at once: one input per reporting period of
 * the last quarters, and one save for all the changed ones. Blank clears a period.
 */
export function ActualsGrid({ detail }: { detail: KpiDetail }) {
  const { kpi } = detail;
  const trpc = useTRPC();
  const invalidate = useInvalidateKpis();
  const save = useMutation(trpc.kpiActuals.save.mutationOptions());
  const [outcome, setOutcome] = useState<string | null>(null);

  const quarters = useMemo(() => {
    const recent = detail.history.slice(-GRID_QUARTERS[kpi.frequency]).map((h) => h.period.start);
    const byQuarter = new Map<string, KpiPeriodRow[]>(recent.map((q) => [q, []]));
    for (const p of detail.periods) {
      if (p.periodStart > detail.today) continue;
      byQuarter.get(quarterContaining(p.periodStart).start)?.push(p);
    }
    return [...byQuarter.entries()].filter(([, periods]) => periods.length > 0).reverse();
  }, [detail, kpi.frequency]);

  const original = useMemo(
    () => new Map(detail.periods.map((p) => [p.periodStart, p.value === null ? "" : String(p.value)])),
    [detail.periods],
  );
  const [draft, setDraft] = useState<Record<string, string>>({});
  const textOf = (start: string) => draft[start] ?? original.get(start) ?? "";

  const parsed = Object.entries(draft).map(([periodStart, text]) => ({ periodStart, text, result: parse(text) }));
  const errors = new Map(
    parsed.flatMap((p) => ("error" in p.result ? [[p.periodStart, p.result.error] as const] : [])),
  );
  const changes = parsed.flatMap((p) => {
    if (!("value" in p.result)) return [];
    const before = original.get(p.periodStart) ?? "";
    const beforeValue = before === "" ? null : Number(before);
    return p.result.value === beforeValue ? [] : [{ periodStart: p.periodStart, value: p.result.value }];
  });

  const onSave = async () => {
    setOutcome(null);
    const result = await save.mutateAsync({ kpiId: kpi.id, values: changes });
    setDraft({});
    await invalidate();
    const parts = [
      result.created && `${result.created} added`,
      result.updated && `${result.updated} changed`,
      result.deleted && `${result.deleted} cleared`,
    ].filter(Boolean);
    setOutcome(parts.length ? `Saved: ${parts.join(", ")}.` : "Nothing changed.");
  };

  const hint = entryHint(kpi.unit, kpi.kind);
  return (
    <form
      aria-label={`Actuals of ${kpi.name}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (changes.length && errors.size === 0) void onSave().catch(() => {});
      }}
      className="space-y-4"
    >
      <p className="text-sm text-slate-600">
        One value per {kpi.frequency === "weekly" ? "week" : kpi.frequency === "monthly" ? "month" : "quarter"}
        {kpi.unit ? ` in ${kpi.unit}` : ""}. Leave a period blank to clear it; missing periods stay missing.
        {hint ? ` ${hint}` : ""}
      </p>
      <div className="space-y-4">
        {quarters.map(([quarterStart, periods]) => (
          <fieldset key={quarterStart} className="rounded-xl border border-slate-200 p-3">
            <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
              {quarterLabel(quarterStart)}
            </legend>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
              {periods.map((p) => {
                const id = `actual-${p.periodStart}`;
                const error = errors.get(p.periodStart);
                const dirty = changes.some((c) => c.periodStart === p.periodStart);
                return (
                  <div key={p.periodStart}>
                    <label htmlFor={id} className="block text-xs font-medium text-slate-600">
                      <span className="sr-only">Actual for </span>
                      {p.label}
                    </label>
                    <input
                      id={id}
                      inputMode="decimal"
                      autoComplete="off"
                      value={textOf(p.periodStart)}
                      onChange={(e) => setDraft((d) => ({ ...d, [p.periodStart]: e.target.value }))}
                      aria-invalid={Boolean(error)}
                      aria-describedby={error ? `${id}-error` : undefined}
                      className={`${ui.input} mt-1 tabular-nums ${dirty ? "border-indigo-400 bg-indigo-50/40" : ""}`}
                    />
                    {error ? (
                      <p id={`${id}-error`} className="mt-1 text-xs text-rose-600">
                        {error}
                      </p>
                    ) : p.source && SOURCE_LABELS[p.source] ? (
                      <p className="mt-1 text-xs text-slate-500">via {SOURCE_LABELS[p.source]}</p>
                    ) : null}
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
      <Alert>{save.error?.message}</Alert>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className={ui.primary}
          disabled={save.isPending || changes.length === 0 || errors.size > 0}
        >
          {save.isPending ? "Saving…" : "Save actuals"}
        </button>
        {changes.length > 0 && (
          <>
            <span className="text-sm text-slate-600">
              {changes.length} period{changes.length === 1 ? "" : "s"} changed
            </span>
            <button type="button" className="text-sm text-slate-600 hover:underline" onClick={() => setDraft({})}>
              Discard changes
            </button>
          </>
        )}
        {outcome && (
          <output className="text-sm text-emerald-700" aria-live="polite">
            {outcome}
          </output>
        )}
      </div>
    </form>
  );
}

/** The periods' actuals for someone who may not enter them: the same quarters, read-only. */
export function ActualsReadOnly({ detail }: { detail: KpiDetail }) {
  const { kpi } = detail;
  const recent = new Set(detail.history.slice(-GRID_QUARTERS[kpi.frequency]).map((h) => h.period.start));
  const periods = detail.periods
    .filter((p) => p.periodStart <= detail.today && recent.has(quarterContaining(p.periodStart).start))
    .reverse();
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-6">
      {periods.map((p) => (
        <div key={p.periodStart} className="rounded-lg border border-slate-100 px-3 py-2">
          <p className="text-xs text-slate-500">{p.label}</p>
          <p className="tabular-nums text-sm font-medium text-slate-900">
            {p.value === null ? (
              <span className="text-slate-500">No data</span>
            ) : (
              formatKpiValue(p.value, kpi.unit, kpi.kind)
            )}
          </p>
        </div>
      ))}
    </div>
  );
}

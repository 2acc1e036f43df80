"use client";

import { EXPERIMENT_DECISION_LABELS } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ExperimentStatusBadge } from "~/components/experiments/experiment-badges";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { CumulativeChart } from "./_components/cumulative-chart";
import { ExperimentActions } from "./_components/experiment-actions";
import { pct } from "./_components/format";
import { IntervalPlot } from "./_components/interval-plot";
import { RecordCheckIn } from "./_components/record-check-in";
import { ResultsGrid } from "./_components/results-grid";
import { ResultsImport } from "./_components/results-import";
import { ServesList } from "./_components/serves-list";
import { VariantTable } from "./_components/variant-table";
import { VerdictPanel } from "./_components/verdict-panel";

export function ExperimentView({ experimentId }: { experimentId: string }) {
  const trpc = useTRPC();
  const { data: page, error } = useQuery(trpc.experiments.get.queryOptions({ experimentId }));
  if (error) return <p role="alert">{error.message}</p>;
  if (!page) return <p>Loading…</p>;
  const { experiment } = page;
  const primary = page.results.find((r) => r.metric.isPrimary) ?? page.results[0];
  const secondary = page.results.filter((r) => r !== primary);

  return (
    <div className="space-y-6">
      <PageHeader kicker="Experiment" title={experiment.name}>
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/experiments" className="text-sm font-medium text-indigo-600 hover:underline">
            All experiments
          </Link>
          {page.canEdit && (
            <Link href={`/experiments/${experiment.id}/edit`} className={buttonClass("secondary")}>
              Edit experiment
            </Link>
          )}
        </div>
      </PageHeader>

      <section className={`${ui.card} space-y-3`} aria-label="Plan">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <ExperimentStatusBadge status={experiment.status} />
          <span>{experiment.team.name}</span>
          <span aria-hidden="true">·</span>
          <span>Owner {experiment.owner.name}</span>
          {experiment.startDate && (
            <>
              <span aria-hidden="true">·</span>
              <span>
                {experiment.startDate} → {experiment.endDate ?? "open"}
                {experiment.daysRunning !== null && ` (day ${experiment.daysRunning})`}
              </span>
            </>
          )}
        </div>
        {experiment.hypothesis && <p className="text-slate-800">{experiment.hypothesis}</p>}
        <p className="text-sm text-slate-600">
          Detects {experiment.minimumDetectableEffect > 0 ? "+" : ""}
          {experiment.minimumDetectableEffect} % relative at α {experiment.alpha} % and power {experiment.power} %
          {experiment.baselineRate !== null ? `, from a planned baseline of ${pct(experiment.baselineRate / 100)}` : ""}
          .
        </p>
        <ServesList experiment={experiment} />
        {experiment.decision && (
          <p className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900">
            Concluded: {EXPERIMENT_DECISION_LABELS[experiment.decision]}. {experiment.decisionReason}
          </p>
        )}
        {page.canEdit && <ExperimentActions page={page} />}
        {experiment.decision && experiment.keyResult && page.canRecordCheckIn && <RecordCheckIn page={page} />}
      </section>

      {primary && <VerdictPanel result={primary} />}

      {primary && (
        <section className={`${ui.card} space-y-4`} aria-labelledby="variants-heading">
          <h2 id="variants-heading" className="text-lg font-semibold text-slate-900">
            Variants
          </h2>
          <VariantTable page={page} result={primary} />
          <h3 className="text-sm font-semibold text-slate-700">Uplift over control, with its confidence interval</h3>
          <IntervalPlot result={primary} confidence={page.confidence} />
        </section>
      )}

      <section className={`${ui.card} space-y-3`} aria-labelledby="chart-heading">
        <h2 id="chart-heading" className="text-lg font-semibold text-slate-900">
          Cumulative conversion rate
        </h2>
        <CumulativeChart page={page} />
      </section>

      {secondary.map((r) => (
        <section key={r.metric.id} className={`${ui.card} space-y-3`} aria-label={`Secondary metric ${r.metric.name}`}>
          <h2 className="text-lg font-semibold text-slate-900">{r.metric.name}</h2>
          <p className="text-sm text-slate-700">{r.verdictText}</p>
          <VariantTable page={page} result={r} />
        </section>
      ))}

      {page.canEdit && (
        <>
          <section className={`${ui.card} space-y-3`} aria-labelledby="numbers-heading">
            <h2 id="numbers-heading" className="text-lg font-semibold text-slate-900">
              Daily numbers
            </h2>
            <ResultsGrid page={page} />
          </section>
          <section className={`${ui.card} space-y-3`} aria-labelledby="import-heading">
            <h2 id="import-heading" className="text-lg font-semibold text-slate-900">
              Import from CSV
            </h2>
            <ResultsImport experimentId={experiment.id} />
          </section>
        </>
      )}
    </div>
  );
}

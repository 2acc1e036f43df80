"use client";

import {
  formatKpiValue,
  isComputedKpi,
  KPI_AGGREGATION_LABELS,
  KPI_DIRECTION_LABELS,
  KPI_FREQUENCY_LABELS,
  KPI_INPUT_LABELS,
  KPI_KIND_LABELS,
  type Role,
  targetShareLabel,
} from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";
import { KpiForm } from "~/components/kpi/kpi-form";
import type { KpiDetail } from "~/components/kpi/types";
import { formatScore } from "~/components/scorecard/status-colours";
import { StatusPill } from "~/components/scorecard/status-pill";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { conflictCurrent } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useInvalidateKpis } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import { CampaignSource } from "./campaign-source";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

/** Name, definition, owner and objective, this quarter's standing, and (for its managers) edit and archive. */
export function KpiHeader({ detail, role, userId }: { detail: KpiDetail; role: Role | null; userId: string | null }) {
  const { kpi, current, quarter, inputs } = detail;
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidateKpis();
  const [editing, setEditing] = useState(false);
  // The version the form was opened on: a refetch while editing must not turn a stale save into an overwrite.
  const [readVersion, setReadVersion] = useState(kpi.version);
  const update = useMutation(trpc.kpis.update.mutationOptions());
  const archive = useMutation(
    trpc.kpis.archive.mutationOptions({
      onSuccess: async () => {
        router.push("/kpis");
        await invalidate();
      },
    }),
  );
  const fmt = (v: number | null) => formatKpiValue(v, kpi.unit, kpi.kind);
  const status = current?.status ?? "no_data";
  const inputLabels = isComputedKpi(kpi.kind) ? KPI_INPUT_LABELS[kpi.kind] : null;

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className={ui.pageKicker}>
            <Link href="/kpis" className="hover:underline">
              KPIs
            </Link>
            {kpi.strategicObjective && (
              <>
                {" "}
                · {kpi.strategicObjective.perspective.name} · {kpi.strategicObjective.name}
              </>
            )}
          </p>
          <h1 className={ui.pageTitle}>
            {kpi.name}
            {kpi.unit && <span className="ml-2 text-lg font-normal text-slate-500">({kpi.unit})</span>}
          </h1>
          {kpi.description && <p className="mt-1 max-w-3xl text-sm text-slate-600">{kpi.description}</p>}
          {kpi.archivedAt && (
            <p className="mt-2 inline-block rounded bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">
              Archived: kept for its history, off the scorecard
            </p>
          )}
        </div>
        <div className={`${ui.card} flex min-w-64 items-center gap-5 py-3`}>
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{quarter.label}</p>
            <p className="mt-0.5 text-2xl font-semibold tabular-nums text-slate-900" data-testid="kpi-quarter-value">
              {fmt(current?.actual ?? null)}
            </p>
            <p className="text-xs text-slate-500">
              goal {fmt(current?.goal ?? kpi.goal)} · red flag {fmt(current?.redFlag ?? kpi.redFlag)}
              {current?.targetShare && ` · ${targetShareLabel(current.targetShare, kpi.frequency)}`}
            </p>
          </div>
          <div className="text-right">
            <StatusPill status={status} />
            <p className="mt-1 text-xs text-slate-500">
              score{" "}
              <span className="font-semibold tabular-nums text-slate-800">{formatScore(current?.score ?? null)}</span> /
              10
            </p>
          </div>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-4 rounded-2xl border border-slate-200 bg-white px-5 py-4 sm:grid-cols-3 lg:grid-cols-6">
        <Fact label="Owner">{kpi.owner.name}</Fact>
        <Fact label="Direction">{KPI_DIRECTION_LABELS[kpi.direction]}</Fact>
        <Fact label="Frequency">{KPI_FREQUENCY_LABELS[kpi.frequency]}</Fact>
        <Fact label="Quarter value">
          {isComputedKpi(kpi.kind) ? "Σ inputs, then the formula" : KPI_AGGREGATION_LABELS[kpi.aggregation]}
        </Fact>
        <Fact label="Kind">
          {KPI_KIND_LABELS[kpi.kind]}
          {inputLabels && (
            <span className="mt-1 block text-xs text-slate-600">
              {(["a", "b"] as const).map((side) => {
                const input = inputs[side];
                return (
                  <Fragment key={side}>
                    {side === "b" && <br />}
                    {inputLabels[side].replace(/ \(.*\)$/, "")}:{" "}
                    {input ? (
                      <Link href={`/kpis/${input.id}`} className="text-indigo-600 hover:underline">
                        {input.name}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </Fragment>
                );
              })}
            </span>
          )}
        </Fact>
        <Fact label="Weight">{kpi.weight}</Fact>
      </dl>

      <CampaignSource detail={detail} />

      {detail.usedBy.length > 0 && (
        <p className="text-sm text-slate-600">
          Input of{" "}
          {detail.usedBy.map((u, i) => (
            <span key={u.id}>
              {i > 0 && ", "}
              <Link href={`/kpis/${u.id}`} className="text-indigo-600 hover:underline">
                {u.name}
              </Link>
            </span>
          ))}
          .
        </p>
      )}

      {detail.canEdit && !editing && (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant="secondary"
            onClick={() => {
              setReadVersion(kpi.version);
              setEditing(true);
            }}
          >
            Edit KPI
          </Button>
          <ConfirmAction
            label="Archive KPI"
            question={`Archive ${kpi.name}? It leaves the scorecard; its history stays.`}
            confirmLabel="Archive"
            pending={archive.isPending}
            onConfirm={() => archive.mutate({ kpiId: kpi.id, version: kpi.version })}
          />
        </div>
      )}
      <Alert>{archive.error?.message}</Alert>

      {editing && role && userId && (
        <div className="rounded-2xl border border-indigo-100 bg-indigo-50/40 p-4">
          <h2 className="mb-4 text-base font-semibold text-slate-900">Edit {kpi.name}</h2>
          <KpiForm
            role={role}
            userId={userId}
            kpiId={kpi.id}
            submitLabel="Save KPI"
            defaultValues={{
              name: kpi.name,
              description: kpi.description,
              unit: kpi.unit,
              direction: kpi.direction,
              frequency: kpi.frequency,
              aggregation: kpi.aggregation,
              goal: kpi.goal,
              redFlag: kpi.redFlag,
              weight: kpi.weight,
              ownerId: kpi.owner.id,
              strategicObjectiveId: kpi.strategicObjective?.id ?? null,
              kind: kpi.kind,
              inputAId: kpi.inputAId,
              inputBId: kpi.inputBId,
              campaignMeasure: kpi.campaignSource?.measure ?? "spend",
              campaignChannel: kpi.campaignSource?.channel ?? null,
              currency: kpi.campaignSource?.currency ?? "EUR",
            }}
            onSubmit={async (values) => {
              try {
                await update.mutateAsync({
                  kpiId: kpi.id,
                  version: readVersion,
                  ...values,
                  inputAId: values.inputAId ?? null,
                  inputBId: values.inputBId ?? null,
                });
                setEditing(false);
              } catch (error) {
                // A conflict: the message says so and the person's values stay; the next save names the version shown.
                const current = conflictCurrent(error);
                if (typeof current?.version === "number") setReadVersion(current.version);
                throw error;
              } finally {
                // A conflict shows its message in the form; the page reloads the current values either way.
                await invalidate();
              }
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      )}
    </section>
  );
}

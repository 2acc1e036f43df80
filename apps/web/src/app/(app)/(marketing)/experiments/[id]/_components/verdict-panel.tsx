import { VerdictBadge } from "~/components/experiments/experiment-badges";
import { Alert } from "~/components/ui/alert";
import { ui } from "~/components/ui/styles";
import { count } from "./format";
import type { MetricResult } from "./types";

/** The verdict in plain words, the sample-ratio warning when it fires, and how much data the plan still needs. */
export function VerdictPanel({ result }: { result: MetricResult }) {
  const { analysis } = result;
  return (
    <section aria-labelledby="verdict-heading" className={`${ui.card} space-y-3`}>
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="verdict-heading" className="text-lg font-semibold text-slate-900">
          Verdict on {result.metric.name}
        </h2>
        <VerdictBadge verdict={analysis.verdict.kind} />
      </div>
      <p className="text-base text-slate-800" data-testid="verdict">
        {result.verdictText}
      </p>
      {analysis.srm?.mismatch && (
        <Alert tone="warning">
          Sample-ratio mismatch: the planned split expected{" "}
          {analysis.srm.expected.map((e) => count(Math.round(e))).join(" / ")} exposures, but the variants got{" "}
          {[analysis.control, ...analysis.treatments.map((t) => t.variant)]
            .flatMap((v) => (v ? [count(v.exposures)] : []))
            .join(" / ")}{" "}
          (χ² = {analysis.srm.chiSquare.toFixed(1)}, p = {analysis.srm.pValue.toExponential(1)}). Something in the
          assignment is broken; fix it before trusting any number here.
        </Alert>
      )}
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">Planned sample per variant</dt>
          <dd className="font-medium tabular-nums text-slate-900">
            {analysis.requiredPerVariant === null
              ? "Not yet known (needs a baseline)"
              : count(analysis.requiredPerVariant)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Still needed</dt>
          <dd className="font-medium tabular-nums text-slate-900">
            {analysis.stillNeeded === null
              ? "—"
              : analysis.stillNeeded === 0
                ? "None: the planned sample is in"
                : `${count(analysis.stillNeeded)} exposures per variant`}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Minimum data</dt>
          <dd className="font-medium text-slate-900">
            {analysis.gateFailures.length === 0 ? "Met" : analysis.gateFailures.join(" ")}
          </dd>
        </div>
      </dl>
      {!analysis.horizonReached && analysis.verdict.kind !== "sample_ratio_mismatch" && (
        <p className="text-xs text-slate-500">
          The numbers below update daily, but the verdict waits for the planned sample: reading a fixed-horizon test
          early and stopping when it looks good makes false winners far more likely.
        </p>
      )}
    </section>
  );
}

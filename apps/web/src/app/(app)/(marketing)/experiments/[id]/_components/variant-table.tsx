import { formatPValue } from "@meridian/domain";
import { ScrollBox } from "~/components/ui/scroll-box";
import { count, pct, signedPct } from "./format";
import type { ExperimentPage, MetricResult } from "./types";

const HEAD = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const CELL = "px-3 py-2 tabular-nums";

/** Per variant: planned share, exposures, conversions, rate, and for treatments the uplift, p-value and interval. */
export function VariantTable({
  page,
  result,
}: {
  page: Pick<ExperimentPage, "variants" | "confidence">;
  result: MetricResult;
}) {
  const { analysis } = result;
  const weights = page.variants.reduce((a, v) => a + v.weight, 0);
  const level = `${Math.round(page.confidence * 100)} %`;
  const rows = [
    ...(analysis.control ? [{ v: analysis.control, t: null }] : []),
    ...analysis.treatments.map((t) => ({ v: t.variant, t })),
  ];
  return (
    <ScrollBox label={`${result.metric.name} per variant`}>
      <table className="w-full min-w-[760px] border-collapse text-sm">
        <caption className="sr-only">
          {result.metric.name} per variant: split, exposures, conversions, conversion rate, uplift, p-value and {level}{" "}
          confidence interval
        </caption>
        <thead className="border-y border-slate-200 bg-slate-50/60">
          <tr>
            <th scope="col" className={HEAD}>
              Variant
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              Split
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              Exposures
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              Conversions
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              Rate
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              Uplift
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              p (Holm)
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              {level} CI (relative)
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map(({ v, t }) => {
            const c = t?.comparison ?? null;
            return (
              <tr key={v.id}>
                <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                  {v.name}
                  {v.isControl && <span className="ml-2 text-xs font-normal text-slate-500">control</span>}
                </th>
                <td className={`${CELL} text-right text-slate-700`}>{pct(weights ? v.weight / weights : null, 0)}</td>
                <td className={`${CELL} text-right`}>{count(v.exposures)}</td>
                <td className={`${CELL} text-right`}>{count(v.conversions)}</td>
                <td className={`${CELL} text-right font-medium`}>
                  {pct(v.exposures ? v.conversions / v.exposures : null)}
                </td>
                <td className={`${CELL} text-right`}>{t ? signedPct(c?.relativeUplift) : ""}</td>
                <td className={`${CELL} text-right`}>{t && t.adjustedP !== null ? formatPValue(t.adjustedP) : ""}</td>
                <td className={`${CELL} text-right`}>
                  {c?.relativeInterval
                    ? `${signedPct(c.relativeInterval.low)} to ${signedPct(c.relativeInterval.high)}`
                    : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

import { GREEN_FROM, type KpiStatus, RED_BELOW } from "@meridian/domain";
import Link from "next/link";
import { formatScore, formatThreshold, KPI_STATUS_STYLES } from "~/components/scorecard/status-colours";
import type { ScorecardHeatMap } from "~/components/scorecard/types";
import { ScrollBox } from "~/components/ui/scroll-box";

/**
 * Cells in the status hues: red and green solid, so what is failing and what
 * is won stand out; amber softer, as "watch", so a mostly-amber quarter stays readable.
 * The solid hues are the 700 shades: white text on them keeps a 4.5:1 contrast.
 */
const CELL: Record<KpiStatus, string> = {
  green: "bg-emerald-700 text-white",
  amber: "bg-amber-200 text-amber-900",
  red: "bg-rose-700 text-white",
  no_data: "bg-slate-100 text-slate-600",
};

/**
 * Perspectives × quarters, each cell coloured by status with its score
 * written in it; the scorecard's own row closes the table. A real table, with
 * a caption and headers, so it reads row by row without the colours.
 */
export function ScorecardHeatMapTable({ map, selected }: { map: ScorecardHeatMap; selected: string }) {
  return (
    <section aria-labelledby="heat-map-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="heat-map-title" className="text-base font-semibold text-slate-900">
            Heat map
          </h2>
          <p className="text-xs text-slate-500">
            Perspective scores over the last eight quarters. Pick a quarter to see it above.
          </p>
        </div>
        <StatusLegend />
      </div>
      <ScrollBox label="Scorecard heat map" className="mt-4">
        <table className="w-full min-w-[760px] border-separate border-spacing-1 text-sm">
          <caption className="sr-only">
            Scorecard heat map: perspective scores and statuses per quarter, {map.quarters[0]?.label} to{" "}
            {map.quarters.at(-1)?.label}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="w-44 px-2 py-1 text-left text-xs font-semibold text-slate-500">
                Perspective
              </th>
              {map.quarters.map((q) => (
                <th scope="col" key={q.start} className="px-1 py-1 text-center text-xs font-semibold">
                  <Link
                    href={`/scorecard?period=${q.start}`}
                    aria-current={q.start === selected ? "true" : undefined}
                    className={`inline-block rounded-md px-2 py-0.5 ${q.start === selected ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
                  >
                    {q.label}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="px-2 text-left text-sm font-medium text-slate-800">
                  {row.name}
                </th>
                {row.cells.map((cell, i) => (
                  <HeatCell
                    key={map.quarters[i]?.start ?? i}
                    {...cell}
                    selected={map.quarters[i]?.start === selected}
                  />
                ))}
              </tr>
            ))}
            <tr>
              <th
                scope="row"
                className="border-t border-slate-200 px-2 pt-2 text-left text-sm font-semibold text-slate-900"
              >
                Overall scorecard
              </th>
              {map.overall.map((cell, i) => (
                <HeatCell
                  key={map.quarters[i]?.start ?? i}
                  {...cell}
                  selected={map.quarters[i]?.start === selected}
                  strong
                />
              ))}
            </tr>
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

function HeatCell({
  score,
  status,
  selected,
  strong = false,
}: {
  score: number | null;
  status: KpiStatus;
  selected: boolean;
  strong?: boolean;
}) {
  return (
    <td
      className={`h-11 rounded-md text-center tabular-nums ${CELL[status]} ${strong ? "font-bold" : "font-semibold"} ${selected ? "ring-2 ring-indigo-500 ring-offset-1" : ""}`}
    >
      {score === null ? <span aria-hidden="true">—</span> : formatScore(score)}
      <span className="sr-only"> {KPI_STATUS_STYLES[status].label}</span>
    </td>
  );
}

/** What the colours mean, in the words of the scoring method. */
function StatusLegend() {
  const red = formatThreshold(RED_BELOW);
  const green = formatThreshold(GREEN_FROM);
  const ranges: Record<KpiStatus, string> = {
    red: `< ${red}`,
    amber: `${red} – ${green}`,
    green: `≥ ${green}`,
    no_data: "",
  };
  const order: KpiStatus[] = ["red", "amber", "green", "no_data"];
  return (
    <ul aria-label="Legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
      {order.map((status) => (
        <li key={status} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`h-3 w-3 rounded-sm ${CELL[status]}`} />
          <span className="font-medium text-slate-700">{KPI_STATUS_STYLES[status].label}</span>
          {ranges[status] ? <span className="tabular-nums">{ranges[status]}</span> : null}
        </li>
      ))}
    </ul>
  );
}

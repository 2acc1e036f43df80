import {
  ACTION_STATUS_LABELS,
  formatKpiValue,
  quarterLabel,
  REVIEW_SUBJECT_LABELS,
  type SnapshotKpi,
} from "@meridian/domain";
import type { ReactNode } from "react";
import type { Column } from "~/components/review/data-table";
import { OkrTable } from "~/components/review/okr-table";
import type { ReviewComparison, ReviewDetail } from "~/components/review/types";
import { formatScore } from "~/components/scorecard/status-colours";
import { StatusPill } from "~/components/scorecard/status-pill";
import { formatDate, formatDelta } from "~/components/ui/format";
import { ScrollBox } from "~/components/ui/scroll-box";

const PRINT_CSS = `
@page { size: A4; margin: 15mm; }
@media print {
  html, body { background: white !important; }
  .print-avoid-break, tr { break-inside: avoid; }
  .print-keep-with-next, h2, h3 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * The review laid out for A4, compact: the summary, then each perspective, the actions and the OKRs
 * one after another with no forced page break (a board pack of a few pages, none left mostly
 * blank); an objective with its KPIs, and a table row, are never split across pages.
 */
export function PrintReview({
  review,
  comparison,
  toolbar,
}: {
  review: ReviewDetail;
  comparison: ReviewComparison;
  toolbar: ReactNode;
}) {
  const { snapshot } = review;
  const comments = new Map(review.comments.map((c) => [`${c.subjectType}|${c.subjectId}`, c.body]));
  const commentary = (type: string, id: string) => comments.get(`${type}|${id}`);
  return (
    <div className="mx-auto max-w-[210mm] bg-white px-4 py-8 text-[13px] leading-snug text-slate-900 sm:px-8 print:max-w-none print:p-0">
      <style>{PRINT_CSS}</style>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 print:hidden">
        <p className="text-sm text-slate-600">Print-ready layout: A4, compact; no objective is split across pages.</p>
        {toolbar}
      </div>

      <header className="border-b-2 border-slate-900 pb-3">
        <p className="text-xs font-semibold uppercase tracking-widest text-indigo-700">Quarterly review</p>
        <h1 className="mt-1 text-2xl font-bold">{review.title}</h1>
        <p className="mt-1 text-xs text-slate-600">
          {review.team ? `Team ${review.team.name}` : "Whole organization"} · scorecard of{" "}
          {quarterLabel(snapshot.period)} ({formatDate(snapshot.period.start)} – {formatDate(snapshot.period.end)}) ·
          snapshot of {formatDate(new Date(snapshot.takenAt))} ·{" "}
          {review.status === "finalized" && review.finalizedAt
            ? `finalized ${formatDate(review.finalizedAt)} by ${review.finalizedBy?.name ?? ""}`
            : "open — not yet finalized"}
        </p>
      </header>

      <section className="mt-5">
        <h2 className="text-base font-semibold">Summary</h2>
        <ScrollBox label="Summary" className="mt-2">
          <table className="w-full border-collapse text-left">
            <PrintHead columns={["Perspective", "Objectives", "KPIs", ["Score", "py-1.5 text-right"]]} />
            <tbody>
              <tr className="border-b border-slate-200 font-semibold">
                <td className="py-1.5 pr-2">Scorecard</td>
                <td />
                <td />
                <td className="py-1.5 text-right">
                  <StatusPill status={snapshot.scorecard.status} score={snapshot.scorecard.score} />
                </td>
              </tr>
              {snapshot.scorecard.perspectives.map((p) => (
                <tr key={p.id} className="border-b border-slate-100">
                  <td className="py-1.5 pr-2">{p.name}</td>
                  <td className="py-1.5 pr-2 tabular-nums">{p.objectives.length}</td>
                  <td className="py-1.5 pr-2 tabular-nums">{p.objectives.reduce((n, o) => n + o.kpis.length, 0)}</td>
                  <td className="py-1.5 text-right">
                    <StatusPill status={p.status} score={p.score} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        {comparison.previous && (
          <div className="mt-4 grid grid-cols-2 gap-4">
            <div className="rounded border border-rose-200 p-3">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-rose-800">
                New red since {comparison.previous.cycleName}
              </h3>
              <p className="mt-1">{comparison.newRed.map((d) => d.name).join(", ") || "None."}</p>
            </div>
            <div className="rounded border border-emerald-200 p-3">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-emerald-800">Resolved</h3>
              <p className="mt-1">{comparison.resolvedRed.map((d) => d.name).join(", ") || "None."}</p>
            </div>
          </div>
        )}
      </section>

      {snapshot.scorecard.perspectives.map((p) => (
        <section key={p.id} className="mt-7">
          <div className="print-keep-with-next flex items-center justify-between border-b border-slate-400 pb-1.5">
            <h2 className="text-lg font-bold">{p.name}</h2>
            <StatusPill status={p.status} score={p.score} />
          </div>
          {commentary("perspective", p.id) && <Commentary text={commentary("perspective", p.id) ?? ""} />}
          {p.objectives.length === 0 && <p className="mt-3 text-slate-500">No strategic objectives.</p>}
          {p.objectives.map((o) => (
            <div key={o.id} className="print-avoid-break mt-3">
              <div className="flex items-center justify-between">
                <h3 className="font-semibold">{o.name}</h3>
                <StatusPill status={o.status} score={o.score} />
              </div>
              <KpiRows of={o.name} kpis={o.kpis} commentary={commentary} />
              {commentary("objective", o.id) && <Commentary text={commentary("objective", o.id) ?? ""} />}
            </div>
          ))}
        </section>
      ))}

      {snapshot.scorecard.unlinkedKpis.length > 0 && (
        <section className="mt-7">
          <h2 className="border-b border-slate-400 pb-1.5 text-lg font-bold">KPIs outside the strategy</h2>
          <KpiRows of="no strategic objective" kpis={snapshot.scorecard.unlinkedKpis} commentary={commentary} />
        </section>
      )}

      <section className="mt-7">
        <h2 className="border-b border-slate-400 pb-1.5 text-lg font-bold">Corrective actions</h2>
        {review.actions.length === 0 ? (
          <p className="mt-2 text-slate-500">None.</p>
        ) : (
          <ScrollBox label="Corrective actions" className="mt-2">
            <table className="w-full border-collapse text-left">
              <PrintHead columns={["Action", "About", "Owner", "Due", ["Status", "py-1.5"]]} />
              <tbody>
                {review.actions.map((a) => (
                  <tr key={a.id} className="border-b border-slate-100 align-top">
                    <td className="py-1.5 pr-2">{a.title}</td>
                    <td className="py-1.5 pr-2 text-slate-600">
                      {REVIEW_SUBJECT_LABELS[a.subjectType]}: {a.subjectName}
                    </td>
                    <td className="whitespace-nowrap py-1.5 pr-2">{a.owner.name}</td>
                    <td className="whitespace-nowrap py-1.5 pr-2">{formatDate(a.dueOn)}</td>
                    <td className="py-1.5">{ACTION_STATUS_LABELS[a.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}

        {comparison.previous && comparison.deltas.length > 0 && (
          <div className="print-avoid-break mt-6">
            <h2 className="border-b border-slate-400 pb-1.5 text-lg font-bold">
              Change since {comparison.previous.cycleName}
            </h2>
            <ScrollBox label="Change since the previous review" className="mt-2">
              <table className="w-full border-collapse text-left">
                <tbody>
                  {comparison.deltas
                    .filter((d) => d.kind !== "kpi")
                    .map((d) => (
                      <tr key={`${d.kind}-${d.id}`} className="border-b border-slate-100">
                        <td className={`py-1 pr-2 ${d.kind === "objective" ? "pl-4" : "font-medium"}`}>{d.name}</td>
                        <td className="py-1 text-right tabular-nums">
                          {formatScore(d.previousScore)} → {formatScore(d.currentScore)}
                        </td>
                        <td className="w-16 py-1 text-right tabular-nums">{formatDelta(d.delta)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </ScrollBox>
          </div>
        )}
      </section>

      <section className="mt-7">
        <h2 className="border-b border-slate-400 pb-1.5 text-lg font-bold">OKR progress in {review.cycle.name}</h2>
        <OkrTable okrs={snapshot.okrs} printable />
      </section>
    </div>
  );
}

function KpiRows({
  of,
  kpis,
  commentary,
}: {
  /** What the KPIs measure: the name of the table's scroll box on a narrow screen. */
  of: string;
  kpis: SnapshotKpi[];
  commentary: (type: string, id: string) => string | undefined;
}) {
  if (kpis.length === 0) return <p className="mt-1 text-slate-500">No KPIs.</p>;
  return (
    <ScrollBox label={`KPIs of ${of}`} className="mt-1.5">
      <table className="w-full table-auto border-collapse text-left sm:table-fixed print:table-fixed">
        <PrintHead
          columns={[
            ["KPI", "py-1 pr-2"],
            ["Actual", "w-[17%] py-1 pr-2 text-right"],
            ["Goal", "w-[17%] py-1 pr-2 text-right"],
            ["Red flag", "w-[17%] py-1 pr-2 text-right"],
            ["Score", "w-[15%] py-1 text-right"],
          ]}
        />
        <tbody>
          {kpis.map((k) => (
            <KpiRow key={k.id} kpi={k} note={commentary("kpi", k.id)} />
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function KpiRow({ kpi, note }: { kpi: SnapshotKpi; note: string | undefined }) {
  return (
    <>
      <tr className={note ? "" : "border-b border-slate-100"}>
        <td className="py-1 pr-2">{kpi.name}</td>
        <td className="whitespace-nowrap py-1 pr-2 text-right font-medium tabular-nums">
          {formatKpiValue(kpi.actual, kpi.unit, kpi.kind)}
        </td>
        <td className="whitespace-nowrap py-1 pr-2 text-right tabular-nums">
          {formatKpiValue(kpi.goal, kpi.unit, kpi.kind)}
        </td>
        <td className="whitespace-nowrap py-1 pr-2 text-right tabular-nums text-slate-500">
          {formatKpiValue(kpi.redFlag, kpi.unit, kpi.kind)}
        </td>
        <td className="py-1 text-right">
          <StatusPill status={kpi.status} score={kpi.score} />
        </td>
      </tr>
      {note && (
        <tr className="border-b border-slate-100">
          <td colSpan={5} className="pb-1.5 pl-3 text-xs italic text-slate-600">
            {note}
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * The head row of the printed tables: a rule below, small upper-case names. A column is its name
 * (cell "py-1.5 pr-2") or its name and cell classes.
 */
function PrintHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr className="border-b border-slate-300 text-[11px] uppercase tracking-wide text-slate-500">
        {columns.map((column) => {
          const [label, cell] = typeof column === "string" ? [column, "py-1.5 pr-2"] : column;
          return (
            <th key={label} className={`${cell} font-medium`}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

function Commentary({ text }: { text: string }) {
  return <p className="mt-2 whitespace-pre-line border-l-2 border-indigo-300 pl-3 text-slate-700">{text}</p>;
}

"use client";

import { formatKpiValue, type SnapshotKpi, targetShareLabel } from "@meridian/domain";
import { useInfiniteQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { DataTable } from "~/components/review/data-table";
import type { ReviewCommentEntry, ReviewOutline } from "~/components/review/types";
import { StatusPill } from "~/components/scorecard/status-pill";
import { Button } from "~/components/ui/button";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { CommentaryEditor } from "./commentary-editor";
import { kpiPageInput, nextPage, type OpenAtFirst } from "./review-sections";

type CommentFor = (type: "perspective" | "objective" | "kpi", id: string) => ReviewCommentEntry | undefined;
type OutlinePerspective = ReviewOutline["scorecard"]["perspectives"][number];
type OutlineObjective = OutlinePerspective["objectives"][number];

/**
 * One perspective of the frozen scorecard: its objectives, their KPIs, and the commentary on each. Open on
 * arrival or not (`openAtFirst`); a closed one lists its objectives when asked, and a closed objective loads
 * its KPIs when asked.
 */
export function PerspectiveSection({
  reviewId,
  perspective,
  commentFor,
  editable,
  openAtFirst,
}: {
  reviewId: string;
  perspective: OutlinePerspective;
  commentFor: CommentFor;
  editable: boolean;
  openAtFirst: OpenAtFirst;
}) {
  const [open, setOpen] = useState(openAtFirst.perspectives.has(perspective.id));
  const [asked, setAsked] = useState(false);
  const headingId = `perspective-${perspective.id}`;
  const listId = `perspective-objectives-${perspective.id}`;
  const count = perspective.objectives.length;
  return (
    <section aria-labelledby={headingId} className={ui.card}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id={headingId} className="text-lg font-semibold text-slate-900">
          {perspective.name}
        </h3>
        <StatusPill status={perspective.status} score={perspective.score} />
      </div>
      <SubjectCommentary
        className="mt-3"
        reviewId={reviewId}
        subjectType="perspective"
        subject={perspective}
        commentFor={commentFor}
        editable={editable}
      />
      {count === 0 ? (
        <p className="mt-4 text-sm text-slate-500">No strategic objectives in this perspective.</p>
      ) : !open ? (
        <ShowButton
          onClick={() => {
            setOpen(true);
            setAsked(true);
          }}
          className="mt-4"
        >
          Show its {count} strategic {count === 1 ? "objective" : "objectives"}
        </ShowButton>
      ) : (
        <Shown id={listId} focus={asked} className="mt-4 space-y-5">
          {perspective.objectives.map((o) => (
            <ObjectiveBlock
              key={o.id}
              reviewId={reviewId}
              objective={o}
              commentFor={commentFor}
              editable={editable}
              openAtFirst={openAtFirst.objectives.has(o.id)}
            />
          ))}
        </Shown>
      )}
    </section>
  );
}

/** A strategic objective: its score, then (open) its KPIs and commentary, or (closed) a button that loads them. */
function ObjectiveBlock({
  reviewId,
  objective: o,
  commentFor,
  editable,
  openAtFirst,
}: {
  reviewId: string;
  objective: OutlineObjective;
  commentFor: CommentFor;
  editable: boolean;
  openAtFirst: boolean;
}) {
  const [open, setOpen] = useState(openAtFirst);
  const [asked, setAsked] = useState(false);
  const bodyId = `objective-kpis-${o.id}`;
  return (
    <div className="rounded-xl border border-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 bg-slate-50/70 px-4 py-2.5">
        <h4 className="font-medium text-slate-900">{o.name}</h4>
        <StatusPill status={o.status} score={o.score} />
      </div>
      {open ? (
        <Shown id={bodyId} focus={asked}>
          <PagedKpiTable
            of={o.name}
            reviewId={reviewId}
            objectiveId={o.id}
            total={o.kpiCount}
            commentFor={commentFor}
            editable={editable}
          />
          <SubjectCommentary
            className="border-t border-slate-100 px-4 py-3"
            reviewId={reviewId}
            subjectType="objective"
            subject={o}
            commentFor={commentFor}
            editable={editable}
          />
        </Shown>
      ) : (
        <div className="px-4 py-2.5">
          <ShowButton
            onClick={() => {
              setOpen(true);
              setAsked(true);
            }}
          >
            {o.kpiCount === 0
              ? "Show its commentary"
              : `Show its ${o.kpiCount} ${o.kpiCount === 1 ? "KPI" : "KPIs"}${commentFor("objective", o.id) ? " and commentary" : ""}`}
          </ShowButton>
        </div>
      )}
    </div>
  );
}

/** Shows what is not on the page until asked for, in its own place: the button gives way to it. */
function ShowButton({
  onClick,
  className = "",
  children,
}: {
  onClick: () => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Button variant="secondary" size="sm" onClick={onClick} className={className}>
      {children}
    </Button>
  );
}

/** Where the keyboard lands once a button gave way to what it showed: the shown part itself. */
function Shown({
  id,
  focus,
  className,
  children,
}: {
  id: string;
  focus: boolean;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div id={id} ref={ref} tabIndex={focus ? -1 : undefined} className={`${className ?? ""} outline-none`}>
      {children}
    </div>
  );
}

/**
 * The KPIs of one strategic objective (or, `objectiveId` null, those linked to none), read a page at a time
 * from the snapshot; the first page may have come with the page.
 */
export function PagedKpiTable({
  of,
  reviewId,
  objectiveId,
  total,
  commentFor,
  editable,
}: {
  of?: string;
  reviewId: string;
  objectiveId: string | null;
  total: number;
  commentFor: CommentFor;
  editable: boolean;
}) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.reviews.kpis.infiniteQueryOptions(kpiPageInput(reviewId, objectiveId), { getNextPageParam: nextPage }),
  );
  if (total === 0)
    return <KpiTable of={of} reviewId={reviewId} kpis={[]} commentFor={commentFor} editable={editable} />;
  if (pages.error) return <p className="px-4 py-3 text-sm text-rose-700">{pages.error.message}</p>;
  if (!pages.data) return <p className="px-4 py-3 text-sm text-slate-500">Loading KPIs…</p>;
  const kpis = pages.data.pages.flatMap((p) => p.kpis);
  return (
    <>
      <KpiTable of={of} reviewId={reviewId} kpis={kpis} commentFor={commentFor} editable={editable} />
      {pages.hasNextPage && (
        <div className="border-t border-slate-100 px-4 py-2.5">
          <Button
            variant="secondary"
            size="sm"
            disabled={pages.isFetchingNextPage}
            onClick={() => pages.fetchNextPage()}
          >
            {pages.isFetchingNextPage ? "Loading…" : `Show more KPIs (${kpis.length} of ${total})`}
          </Button>
        </div>
      )}
    </>
  );
}

/** The commentary on a perspective or objective: an editor while the review is open, the text (if any) once it is not. */
function SubjectCommentary({
  className,
  reviewId,
  subjectType,
  subject,
  commentFor,
  editable,
}: {
  className: string;
  reviewId: string;
  subjectType: "perspective" | "objective";
  subject: { id: string; name: string };
  commentFor: CommentFor;
  editable: boolean;
}) {
  const comment = commentFor(subjectType, subject.id);
  if (!editable && !comment) return null;
  return (
    <div className={className}>
      <CommentaryEditor
        reviewId={reviewId}
        subjectType={subjectType}
        subjectId={subject.id}
        name={subject.name}
        comment={comment}
        editable={editable}
      />
    </div>
  );
}

export function KpiTable({
  of,
  reviewId,
  kpis,
  commentFor,
  editable,
}: {
  /** What the KPIs measure, naming the table apart from the others on the page. */
  of?: string;
  reviewId: string;
  kpis: SnapshotKpi[];
  commentFor: CommentFor;
  editable: boolean;
}) {
  if (kpis.length === 0) return <p className="px-4 py-3 text-sm text-slate-500">No KPIs measure this objective.</p>;
  return (
    <DataTable
      caption={`KPIs${of ? ` of ${of}` : ""}: actual, goal, red flag and score`}
      columns={[
        ["KPI", "px-4 py-2"],
        ["Actual", "px-3 py-2 text-right"],
        ["Goal", "hidden px-3 py-2 text-right sm:table-cell"],
        ["Red flag", "hidden px-3 py-2 text-right sm:table-cell"],
        ["Score", "hidden px-4 py-2 text-right sm:table-cell"],
      ]}
      className=""
    >
      {kpis.map((k) => (
        <KpiRows key={k.id} reviewId={reviewId} kpi={k} comment={commentFor("kpi", k.id)} editable={editable} />
      ))}
    </DataTable>
  );
}

/**
 * A KPI of the review and its commentary. An empty editor opens on request, so
 * a review of twenty KPIs is not twenty empty boxes.
 */
function KpiRows({
  reviewId,
  kpi: k,
  comment,
  editable,
}: {
  reviewId: string;
  kpi: SnapshotKpi;
  comment: ReviewCommentEntry | undefined;
  editable: boolean;
}) {
  const [writing, setWriting] = useState(false);
  const showEditor = Boolean(comment) || (editable && writing);
  return (
    <tbody className="border-t border-slate-100">
      <tr>
        <th scope="row" className="px-4 py-2 font-normal text-slate-800">
          {k.name}
          {k.direction === "lower_is_better" && (
            <span className="ml-1.5 text-xs text-slate-500" title="Lower is better">
              (lower is better)
            </span>
          )}
          {editable && !showEditor && (
            <button
              type="button"
              onClick={() => setWriting(true)}
              aria-label={`Add commentary on ${k.name}`}
              className="ml-2 rounded px-1.5 py-0.5 text-xs font-medium text-indigo-600 hover:bg-indigo-50"
            >
              <span aria-hidden="true">+ </span>Add commentary
            </button>
          )}
        </th>
        <td className="px-3 py-2 text-right font-medium tabular-nums text-slate-900">
          {formatKpiValue(k.actual, k.unit, k.kind)}
          {/* On a phone score, goal and red flag sit under the actual: the row fits without scrolling. */}
          <span className="block whitespace-nowrap text-xs font-normal text-slate-500 sm:hidden">
            <span className="my-1 block">
              <StatusPill status={k.status} score={k.score} />
            </span>
            <span className="block">goal {formatKpiValue(k.goal, k.unit, k.kind)}</span>
            {k.targetShare && <span className="block text-slate-500">{targetShareLabel(k.targetShare)}</span>}
            <span className="block">red flag {formatKpiValue(k.redFlag, k.unit, k.kind)}</span>
          </span>
        </td>
        <td className="hidden px-3 py-2 text-right tabular-nums text-slate-600 sm:table-cell">
          {formatKpiValue(k.goal, k.unit, k.kind)}
          {k.targetShare && <span className="block text-xs text-slate-500">{targetShareLabel(k.targetShare)}</span>}
        </td>
        <td className="hidden px-3 py-2 text-right tabular-nums text-slate-500 sm:table-cell">
          {formatKpiValue(k.redFlag, k.unit, k.kind)}
        </td>
        <td className="hidden px-4 py-2 text-right sm:table-cell">
          <StatusPill status={k.status} score={k.score} />
        </td>
      </tr>
      {showEditor && (
        <tr>
          <td colSpan={5} className="px-4 pb-2.5">
            <CommentaryEditor
              reviewId={reviewId}
              subjectType="kpi"
              subjectId={k.id}
              name={k.name}
              comment={comment}
              editable={editable}
              compact
              autoFocus={writing && !comment}
            />
          </td>
        </tr>
      )}
    </tbody>
  );
}

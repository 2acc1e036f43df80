import {
  ACTION_STATUSES,
  OBJECTIVE_LEVELS,
  PROGRESS_STATUSES,
  REVIEW_STATUSES,
  REVIEW_SUBJECT_TYPES,
  ZReviewListSchema,
  ZReviewRefSchema,
} from "@meridian/domain";
import { z } from "zod";
import { apiProcedure } from "../../rest/rest-procedure";
import { instant, restPage, ZPersonRef, ZTeamRef, zDate, zInstant } from "../../rest/rest-schemas";
import { router } from "../../trpc";
import { toRestScorecard, ZRestScorecard } from "../scorecard/scorecard.rest";
import { getReview, listReviewsPage } from "./reviews.queries";

const ZRestCycleRef = z
  .object({ id: z.string(), name: z.string(), startsOn: zDate(), endsOn: zDate() })
  .meta({ id: "ReviewCycle" });

const reviewFields = {
  id: z.string(),
  title: z.string(),
  status: z.enum(REVIEW_STATUSES).meta({ description: "A finalized review is read-only, and all viewers read." }),
  cycle: ZRestCycleRef,
  team: ZTeamRef.nullable().meta({ description: "Null: the review of the whole organization." }),
  openedAt: zInstant(),
  openedBy: ZPersonRef,
  finalizedAt: zInstant().nullable(),
  finalizedBy: ZPersonRef.nullable(),
};

const ZRestReviewSummary = z.object(reviewFields).meta({ id: "ReviewSummary" });

const ZRestReviewOkr = z
  .object({
    id: z.string(),
    title: z.string(),
    level: z.enum(OBJECTIVE_LEVELS),
    team: z.string().nullable(),
    owner: z.string(),
    progress: z.number().meta({ description: "Raw rolled-up progress when the snapshot was taken (1 = 100 %)." }),
    expected: z.number(),
    status: z.enum(PROGRESS_STATUSES),
    grade: z.number().nullable(),
  })
  .meta({ id: "ReviewOkr" });

const ZRestReviewComment = z
  .object({
    id: z.string(),
    subjectType: z.enum(REVIEW_SUBJECT_TYPES),
    subjectId: z.string().meta({ description: "A perspective, strategic objective or KPI of the snapshot." }),
    body: z.string(),
    author: ZPersonRef,
    updatedAt: zInstant(),
  })
  .meta({ id: "ReviewComment" });

const ZRestCorrectiveAction = z
  .object({
    id: z.string(),
    reviewId: z.string().meta({ description: "The review that agreed it." }),
    carriedIn: z.boolean().meta({ description: "Agreed in an earlier review and still open." }),
    subjectType: z.enum(REVIEW_SUBJECT_TYPES),
    subjectId: z.string(),
    subjectName: z.string(),
    title: z.string(),
    owner: ZPersonRef,
    dueOn: zDate(),
    status: z.enum(ACTION_STATUSES),
  })
  .meta({ id: "CorrectiveAction" });

const ZRestReview = z
  .object({
    ...reviewFields,
    snapshotTakenAt: zInstant(),
    /** The scorecard of the review's quarter, frozen when it opened. */
    scorecard: ZRestScorecard,
    okrs: z.array(ZRestReviewOkr).meta({ description: "The cycle's public OKRs with their progress, frozen." }),
    comments: z.array(ZRestReviewComment),
    actions: z.array(ZRestCorrectiveAction),
  })
  .meta({ id: "Review" });

const read = apiProcedure("reports:read", "review.read");

export const reviewsRest = router({
  list: read
    .meta({
      openapi: {
        method: "GET",
        path: "/reviews",
        tags: ["Reviews"],
        summary: "List quarterly reviews",
        description:
          "A page of the reviews the token's creator may read, newest cycle first, filtered by cycle, team or status. A viewer's token lists finalized reviews only.",
        protect: true,
      },
    })
    .input(ZReviewListSchema.unwrap().strict())
    .output(restPage(ZRestReviewSummary))
    .query(async ({ ctx, input }) => {
      const page = await listReviewsPage(ctx, input);
      return {
        items: page.reviews.map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          cycle: { id: r.cycleId, name: r.cycleName, startsOn: r.cycleStartsOn, endsOn: r.cycleEndsOn },
          team: r.team,
          openedAt: instant(r.openedAt) ?? "",
          openedBy: r.openedBy,
          finalizedAt: instant(r.finalizedAt),
          finalizedBy: r.finalizedBy,
        })),
        nextCursor: page.nextCursor,
      };
    }),
  get: read
    .meta({
      openapi: {
        method: "GET",
        path: "/reviews/{reviewId}",
        tags: ["Reviews"],
        summary: "One review: its snapshot's scores, commentary and corrective actions",
        description: "An open review is not found for a viewer's token: viewers read finalized reviews only.",
        protect: true,
      },
    })
    .input(ZReviewRefSchema.strict())
    .output(ZRestReview)
    .query(async ({ ctx, input }) => {
      const r = await getReview(ctx, input);
      return {
        id: r.id,
        title: r.title,
        status: r.status,
        cycle: { id: r.cycle.id, name: r.cycle.name, startsOn: r.cycle.startsOn, endsOn: r.cycle.endsOn },
        team: r.team,
        openedAt: instant(r.openedAt) ?? "",
        openedBy: r.openedBy,
        finalizedAt: instant(r.finalizedAt),
        finalizedBy: r.finalizedBy,
        snapshotTakenAt: instant(r.snapshot.takenAt) ?? "",
        scorecard: toRestScorecard(r.snapshot.scorecard),
        okrs: r.snapshot.okrs.map((o) => ({ ...o, grade: o.grade ?? null })),
        comments: r.comments.map((c) => ({
          id: c.id,
          subjectType: c.subjectType,
          subjectId: c.subjectId,
          body: c.body,
          author: c.author,
          updatedAt: instant(c.updatedAt) ?? "",
        })),
        actions: r.actions.map((a) => ({
          id: a.id,
          reviewId: a.reviewId,
          carriedIn: a.carriedIn,
          subjectType: a.subjectType,
          subjectId: a.subjectId,
          subjectName: a.subjectName,
          title: a.title,
          owner: a.owner,
          dueOn: a.dueOn,
          status: a.status,
        })),
      };
    }),
});

import {
  KPI_DIRECTIONS,
  KPI_KINDS,
  KPI_STATUSES,
  quarterCode,
  quarterLabel,
  type SnapshotKpi,
  type SnapshotScorecard,
  todayIso,
  ZScorecardQuarterSchema,
} from "@meridian/domain";
import { z } from "zod";
import { apiProcedure } from "../../rest/rest-procedure";
import { zDate } from "../../rest/rest-schemas";
import { router } from "../../trpc";
import { ZRestTargetShare } from "./kpis.rest";
import { scorecardQuarter, scorecardQuarters } from "./scorecard.queries";

const score = () => z.number().nullable().meta({ description: "0–10; null with no data, left out of every average." });

const ZRestScoredKpi = z
  .object({
    id: z.string(),
    name: z.string(),
    unit: z.string(),
    direction: z.enum(KPI_DIRECTIONS),
    kind: z.enum(KPI_KINDS),
    weight: z.number(),
    actual: z.number().nullable(),
    goal: z.number(),
    redFlag: z.number(),
    targetShare: ZRestTargetShare.nullable(),
    score: score(),
    status: z.enum(KPI_STATUSES),
  })
  .meta({ id: "ScoredKpi" });

const ZRestScoredObjective = z
  .object({
    id: z.string(),
    name: z.string(),
    weight: z.number(),
    score: score(),
    status: z.enum(KPI_STATUSES),
    kpis: z.array(ZRestScoredKpi),
  })
  .meta({ id: "ScoredStrategicObjective" });

const ZRestScoredPerspective = z
  .object({
    id: z.string(),
    name: z.string(),
    weight: z.number(),
    score: score(),
    status: z.enum(KPI_STATUSES),
    objectives: z.array(ZRestScoredObjective),
  })
  .meta({ id: "ScoredPerspective" });

/** The scorecard of one quarter: live (GET /scorecard) or as a review froze it (GET /reviews/{reviewId}). */
export const ZRestScorecard = z
  .object({
    quarter: z.string().meta({ description: "Like 2026-Q3." }),
    start: zDate(),
    end: zDate(),
    label: z.string(),
    score: score(),
    status: z.enum(KPI_STATUSES),
    perspectives: z.array(ZRestScoredPerspective),
    unlinkedKpis: z
      .array(ZRestScoredKpi)
      .meta({ description: "KPIs measuring no strategic objective: scored, but outside every average." }),
  })
  .meta({ id: "Scorecard" });

const toRestScoredKpi = (k: SnapshotKpi): z.output<typeof ZRestScoredKpi> => ({
  id: k.id,
  name: k.name,
  unit: k.unit,
  direction: k.direction,
  kind: k.kind,
  weight: k.weight,
  actual: k.actual,
  goal: k.goal,
  redFlag: k.redFlag,
  // Snapshots taken before ADR 0015 carry no basis: they held the actual to the share to date.
  targetShare: k.targetShare ? { ...k.targetShare, basis: k.targetShare.basis ?? "to_date" } : null,
  score: k.score,
  status: k.status,
});

export const toRestScorecard = (s: SnapshotScorecard): z.output<typeof ZRestScorecard> => ({
  quarter: quarterCode(s.period.start),
  start: s.period.start,
  end: s.period.end,
  label: quarterLabel(s.period),
  score: s.score,
  status: s.status,
  perspectives: s.perspectives.map((p) => ({
    id: p.id,
    name: p.name,
    weight: p.weight,
    score: p.score,
    status: p.status,
    objectives: p.objectives.map((o) => ({
      id: o.id,
      name: o.name,
      weight: o.weight,
      score: o.score,
      status: o.status,
      kpis: o.kpis.map(toRestScoredKpi),
    })),
  })),
  unlinkedKpis: s.unlinkedKpis.map(toRestScoredKpi),
});

const ZRestQuarter = z
  .object({
    quarter: z.string().meta({ description: "Like 2026-Q3." }),
    start: zDate(),
    end: zDate(),
    label: z.string(),
  })
  .meta({ id: "ScorecardQuarter" });

const read = apiProcedure("reports:read", "scorecard.read");

export const scorecardRest = router({
  get: read
    .meta({
      openapi: {
        method: "GET",
        path: "/scorecard",
        tags: ["Scorecard"],
        summary: "The scorecard scored for one quarter",
        description:
          "Perspectives, their strategic objectives and the KPIs measuring them, each with its score and status for the quarter (`quarter=2026-Q3`; today's by default), scored as the app scores them.",
        protect: true,
      },
    })
    .input(ZScorecardQuarterSchema.strict())
    .output(ZRestScorecard)
    .query(async ({ ctx, input }) => toRestScorecard(await scorecardQuarter(ctx, input.quarter ?? todayIso()))),
  quarters: read
    .meta({
      openapi: {
        method: "GET",
        path: "/scorecard/quarters",
        tags: ["Scorecard"],
        summary: "The quarters the scorecard has data for",
        description: "Newest first: every quarter holding a KPI actual, and today's.",
        protect: true,
      },
    })
    .input(z.object({}).strict())
    .output(z.object({ items: z.array(ZRestQuarter) }))
    .query(async ({ ctx }) => ({
      items: (await scorecardQuarters(ctx)).map((q) => ({
        quarter: quarterCode(q.start),
        start: q.start,
        end: q.end,
        label: q.label,
      })),
    })),
});

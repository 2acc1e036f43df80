import {
  KEY_RESULT_TYPES,
  KEY_RESULT_UNITS,
  OBJECTIVE_LEVELS,
  OBJECTIVE_STATUSES,
  PROGRESS_STATUSES,
  VISIBILITIES,
  ZObjectiveIdSchema,
  ZObjectiveListSchema,
} from "@meridian/domain";
import { z } from "zod";
import { notFound } from "../../lib/errors";
import { apiProcedure } from "../../rest/rest-procedure";
import { instant, restPage, restQuery, ZPersonRef, ZTeamRef, zInstant, zQueryFlag } from "../../rest/rest-schemas";
import { router } from "../../trpc";
import type { KeyResultView, ObjectiveNode } from "./objective-summaries";
import { getObjectiveNode, listObjectives } from "./objectives.queries";

export const ZRestKeyResult = z
  .object({
    id: z.string(),
    objectiveId: z.string(),
    title: z.string(),
    type: z.enum(KEY_RESULT_TYPES),
    startValue: z.number(),
    targetValue: z.number(),
    currentValue: z.number().nullable(),
    confidence: z.number().nullable().meta({ description: "The latest check-in's confidence, 0–10." }),
    unit: z.enum(KEY_RESULT_UNITS),
    unitLabel: z.string(),
    weight: z.number(),
    owner: ZPersonRef,
    progress: z.number().meta({ description: "Raw progress: 1 is the target reached; may be below 0 or above 1." }),
    status: z.enum(PROGRESS_STATUSES),
    lastCheckInAt: zInstant().nullable(),
  })
  .meta({ id: "KeyResult" });

const ZRestObjective = z
  .object({
    id: z.string(),
    cycleId: z.string(),
    title: z.string(),
    description: z.string(),
    level: z.enum(OBJECTIVE_LEVELS),
    status: z.enum(OBJECTIVE_STATUSES),
    visibility: z.enum(VISIBILITIES),
    owner: ZPersonRef,
    team: ZTeamRef.nullable(),
    parentId: z.string().nullable().meta({ description: "The objective it aligns to, when visible." }),
    progress: z
      .number()
      .meta({ description: "Weighted progress rolled up from its key results or aligned objectives." }),
    progressStatus: z.enum(PROGRESS_STATUSES),
    expectedProgress: z.number().meta({ description: "The elapsed fraction of the cycle." }),
    keyResults: z.array(ZRestKeyResult),
  })
  .meta({ id: "Objective" });

export const toRestKeyResult = (kr: KeyResultView): z.output<typeof ZRestKeyResult> => ({
  id: kr.id,
  objectiveId: kr.objectiveId,
  title: kr.title,
  type: kr.type,
  startValue: kr.startValue,
  targetValue: kr.targetValue,
  currentValue: kr.currentValue,
  confidence: kr.currentConfidence,
  unit: kr.unit,
  unitLabel: kr.unitLabel,
  weight: kr.weight,
  owner: kr.owner,
  progress: kr.progress,
  status: kr.status,
  lastCheckInAt: instant(kr.lastCheckInAt),
});

const toRestObjective = (o: ObjectiveNode, expected: number): z.output<typeof ZRestObjective> => ({
  id: o.id,
  cycleId: o.cycleId,
  title: o.title,
  description: o.description,
  level: o.level,
  status: o.status,
  visibility: o.visibility,
  owner: o.owner,
  team: o.team,
  parentId: o.parentId,
  progress: o.progress,
  progressStatus: o.progressStatus,
  expectedProgress: expected,
  keyResults: o.keyResults.map(toRestKeyResult),
});

/** The app's list filters, strict, with the flag as query text. */
const ZRestObjectiveList = restQuery(ZObjectiveListSchema.unwrap().extend({ atRisk: zQueryFlag }));

const read = apiProcedure("okrs:read", "objective.read");

export const objectivesRest = router({
  list: read
    .meta({
      openapi: {
        method: "GET",
        path: "/objectives",
        tags: ["OKRs"],
        summary: "List objectives with their key results and progress",
        description:
          "A page of the cycle's objectives the token may see (the current cycle unless `cycleId` is given), filtered by team, owner, level, status or text, in the order of the app's lists.",
        protect: true,
      },
    })
    .input(ZRestObjectiveList)
    .output(restPage(ZRestObjective))
    .query(async ({ ctx, input }) => {
      const page = await listObjectives(ctx, input);
      if (!page) return { items: [], nextCursor: null };
      return { items: page.objectives.map((o) => toRestObjective(o, page.expected)), nextCursor: page.nextCursor };
    }),
  get: read
    .meta({
      openapi: {
        method: "GET",
        path: "/objectives/{objectiveId}",
        tags: ["OKRs"],
        summary: "One objective with its key results and progress",
        protect: true,
      },
    })
    .input(restQuery(ZObjectiveIdSchema))
    .output(ZRestObjective)
    .query(async ({ ctx, input }) => {
      const found = await getObjectiveNode(ctx, input);
      if (!found) throw notFound("No such objective.");
      return toRestObjective(found.objective, found.expected);
    }),
});

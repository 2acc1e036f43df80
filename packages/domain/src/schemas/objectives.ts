import { z } from "zod";
import { keyResultDefinitionError } from "../okr/key-result-progress";
import { KEY_RESULT_TYPES } from "../okr/key-result-types";
import { KEY_RESULT_UNITS, OBJECTIVE_LEVELS, OBJECTIVE_STATUSES, VISIBILITIES } from "../okr/objective";
import { PROGRESS_SOURCES } from "../okr/objective-rollup";
import { ZId, ZIsoDate, ZVersion, ZWeight, zText } from "./common";

const ZTitle = zText()
  .trim()
  .min(3, "Write a title of at least 3 characters.")
  .max(200, "Keep the title under 200 characters.");
const ZFinite = (what: string) => z.number({ error: `${what} must be a number.` });

const keyResultFields = {
  title: ZTitle,
  type: z.enum(KEY_RESULT_TYPES, { error: "Choose a key result type." }),
  startValue: ZFinite("Start"),
  targetValue: ZFinite("Target"),
  unit: z.enum(KEY_RESULT_UNITS, { error: "Choose a unit." }).default("number"),
  unitLabel: zText().trim().max(20, "Keep the unit label under 20 characters.").default(""),
  weight: ZWeight.default(1),
  /** Defaults to the objective's owner. */
  ownerId: ZId.optional(),
};

/** Start and target rules per type, reported on the target field. */
function refineDefinition(
  kr: { type?: (typeof KEY_RESULT_TYPES)[number]; startValue?: number; targetValue?: number },
  ctx: z.RefinementCtx,
) {
  if (kr.type === undefined || kr.startValue === undefined || kr.targetValue === undefined) return;
  const error = keyResultDefinitionError({ type: kr.type, startValue: kr.startValue, targetValue: kr.targetValue });
  if (error) ctx.addIssue({ code: "custom", path: ["targetValue"], message: error });
}

export const ZKeyResultDraftSchema = z.object(keyResultFields).superRefine(refineDefinition);
export type TKeyResultDraft = z.input<typeof ZKeyResultDraftSchema>;

export const ZKeyResultCreateSchema = z.object({ objectiveId: ZId, ...keyResultFields }).superRefine(refineDefinition);
export type TKeyResultCreate = z.input<typeof ZKeyResultCreateSchema>;

export const ZKeyResultUpdateSchema = z
  .object({
    keyResultId: ZId,
    version: ZVersion,
    title: keyResultFields.title.optional(),
    type: keyResultFields.type.optional(),
    startValue: keyResultFields.startValue.optional(),
    targetValue: keyResultFields.targetValue.optional(),
    unit: z.enum(KEY_RESULT_UNITS).optional(),
    unitLabel: zText().trim().max(20).optional(),
    weight: ZWeight.optional(),
    ownerId: ZId.optional(),
  })
  .superRefine(refineDefinition);
export type TKeyResultUpdate = z.input<typeof ZKeyResultUpdateSchema>;

export const ZObjectiveCreateSchema = z.object({
  cycleId: ZId,
  level: z.enum(OBJECTIVE_LEVELS, { error: "Choose company, team or personal." }),
  title: ZTitle,
  description: zText().trim().max(5000, "Keep the description under 5000 characters.").default(""),
  teamId: ZId.nullable().default(null),
  parentId: ZId.nullable().default(null),
  /** The scorecard's strategic objective this objective contributes to. */
  strategicObjectiveId: ZId.nullable().default(null),
  /** Defaults to the caller. */
  ownerId: ZId.optional(),
  visibility: z.enum(VISIBILITIES).default("public"),
  progressSource: z.enum(PROGRESS_SOURCES).default("key_results"),
  weight: ZWeight.default(1),
  /** Publish at once (where the caller may); otherwise it starts as a draft. */
  publish: z.boolean().default(false),
  keyResults: z.array(ZKeyResultDraftSchema).max(10, "At most 10 key results.").default([]),
});
export type TObjectiveCreate = z.input<typeof ZObjectiveCreateSchema>;

export const ZObjectiveUpdateSchema = z.object({
  objectiveId: ZId,
  version: ZVersion,
  title: ZTitle.optional(),
  description: zText().trim().max(5000).optional(),
  teamId: ZId.nullable().optional(),
  parentId: ZId.nullable().optional(),
  /** null removes the alignment to a strategic objective. */
  strategicObjectiveId: ZId.nullable().optional(),
  ownerId: ZId.optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  progressSource: z.enum(PROGRESS_SOURCES).optional(),
  weight: ZWeight.optional(),
});
export type TObjectiveUpdate = z.input<typeof ZObjectiveUpdateSchema>;

export const ZObjectiveRefSchema = z.object({ objectiveId: ZId, version: ZVersion });
export const ZObjectiveIdSchema = z.object({ objectiveId: ZId });
export const ZKeyResultRefSchema = z.object({ keyResultId: ZId, version: ZVersion });
export const ZKeyResultIdSchema = z.object({ keyResultId: ZId });

export const ZObjectiveListSchema = z
  .object({
    cycleId: ZId.optional(),
    teamId: ZId.optional(),
    ownerId: ZId.optional(),
    level: z.enum(OBJECTIVE_LEVELS).optional(),
    status: z.enum(OBJECTIVE_STATUSES).optional(),
    /** Only objectives at risk or off track. */
    atRisk: z.boolean().optional(),
    q: zText().trim().max(100, "Search for at most 100 characters.").optional(),
  })
  .default({});
export type TObjectiveList = z.input<typeof ZObjectiveListSchema>;

export const ZCheckInUpdateSchema = z.object({
  checkInId: ZId,
  value: z.number({ error: "Value must be a number." }),
  confidence: z
    .number()
    .int()
    .min(0, "Confidence is a whole number from 0 to 10.")
    .max(10, "Confidence is a whole number from 0 to 10."),
  comment: zText().trim().max(2000, "Keep the comment under 2000 characters.").default(""),
});
export const ZCheckInRefSchema = z.object({ checkInId: ZId });

export const ZCommentCreateSchema = z
  .object({
    objectiveId: ZId.optional(),
    keyResultId: ZId.optional(),
    body: zText().trim().min(1, "Write a comment.").max(4000, "Keep the comment under 4000 characters."),
  })
  .refine((c) => Boolean(c.objectiveId) !== Boolean(c.keyResultId), {
    message: "A comment belongs to one objective or one key result.",
    path: ["objectiveId"],
  });
export type TCommentCreate = z.input<typeof ZCommentCreateSchema>;

export const ZCycleCreateSchema = z
  .object({
    name: zText().trim().min(1, "Name the cycle.").max(60, "Keep the name under 60 characters."),
    startsOn: ZIsoDate,
    endsOn: ZIsoDate,
  })
  .refine((c) => c.startsOn <= c.endsOn, { path: ["endsOn"], message: "The cycle must end on or after its start." });
export type TCycleCreate = z.input<typeof ZCycleCreateSchema>;
export const ZCycleRefSchema = z.object({ cycleId: ZId, version: ZVersion });

export const ZGradeSchema = z
  .object({
    keyResultId: ZId,
    /** null removes the override, leaving the suggested grade. */
    grade: z.number().min(0, "A grade is from 0.0 to 1.0.").max(1, "A grade is from 0.0 to 1.0.").nullable(),
    reason: zText().trim().max(1000).default(""),
  })
  .refine((g) => g.grade === null || g.reason.length > 0, {
    path: ["reason"],
    message: "Give a reason when you change the suggested grade.",
  });
export type TGrade = z.input<typeof ZGradeSchema>;

export const ZCarryOverSchema = z.object({
  objectiveId: ZId,
  targetCycleId: ZId,
  keyResultIds: z.array(ZId).max(10),
});
export type TCarryOver = z.input<typeof ZCarryOverSchema>;

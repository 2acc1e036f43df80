// Zod input schemas for key results (and their grades), shared by the API and the forms.
import { z } from "zod";
import { keyResultDefinitionError } from "../okr/key-result-progress";
import { KEY_RESULT_TYPES } from "../okr/key-result-types";
import { KEY_RESULT_UNITS } from "../okr/objective";
import { ZId, ZTitle, ZVersion, ZWeight, zText } from "./common";

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

/** A key result written together with its objective (see `ZObjectiveCreateSchema`). */
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

export const ZKeyResultRefSchema = z.object({ keyResultId: ZId, version: ZVersion });
export const ZKeyResultIdSchema = z.object({ keyResultId: ZId });

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

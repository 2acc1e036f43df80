// Zod input schemas for objectives (create, update, list, the dashboard), shared by the API and the forms.
import { z } from "zod";
import { OBJECTIVE_LEVELS, OBJECTIVE_STATUSES, VISIBILITIES } from "../okr/objective";
import { PROGRESS_SOURCES } from "../okr/objective-rollup";
import { ZCursor, ZId, ZTitle, ZVersion, ZWeight, zPageSize, zText } from "./common";
import { ZKeyResultDraftSchema } from "./key-result";

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

export const ZObjectiveListSchema = z
  .object({
    cycleId: ZId.optional(),
    teamId: ZId.optional(),
    ownerId: ZId.optional(),
    /** Only objectives aligned to this strategic objective (the strategy map's "aligned OKRs"). */
    strategicObjectiveId: ZId.optional(),
    level: z.enum(OBJECTIVE_LEVELS).optional(),
    status: z.enum(OBJECTIVE_STATUSES).optional(),
    /** Only objectives at risk or off track. */
    atRisk: z.boolean().optional(),
    q: zText().trim().max(100, "Search for at most 100 characters.").optional(),
    cursor: ZCursor,
    limit: zPageSize(100, 50),
  })
  .default({ limit: 50 });
export type TObjectiveList = z.input<typeof ZObjectiveListSchema>;

/** The objectives dashboard (alignment tree) of one cycle. */
export const ZDashboardInputSchema = z
  .object({
    /** Defaults to the organization's current cycle. */
    cycleId: ZId.optional(),
    /** The next page of root objectives. */
    cursor: ZCursor,
  })
  .default({});
export type TDashboardInput = z.infer<typeof ZDashboardInputSchema>;

/** One objective opened on the dashboard: its key results and a page of what aligns under it. */
export const ZBranchSchema = z.object({ objectiveId: ZId, cursor: ZCursor });
export type TBranchInput = z.input<typeof ZBranchSchema>;

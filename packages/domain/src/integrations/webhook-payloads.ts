import { z } from "zod";
import { EXPERIMENT_DECISIONS } from "../experiments/experiment-status";
import { PROGRESS_STATUSES } from "../okr/status";
import { KPI_STATUSES } from "../scorecard/kpi-score";
import type { WebhookEvent } from "./webhook-events";

/*
 * What each webhook event carries in `data`. The body of every delivery is
 * `{ type, timestamp, data }`; these schemas are its documentation and the
 * producers' contract (the emitting code is typed by them). Every `data` has
 * the absolute `url` of the page the event is about.
 */

const ZRef = z.object({ id: z.uuid(), title: z.string() });
const ZPerson = z.object({ id: z.uuid(), name: z.string() }).nullable();
const ZAppUrl = z.url().describe("The page in Meridian the event is about.");

export const WEBHOOK_EVENT_DATA_SCHEMAS = {
  "checkin.created": z.object({
    checkIn: z.object({
      id: z.uuid(),
      value: z.number(),
      confidence: z.number().int().min(0).max(10).nullable(),
      comment: z.string(),
      createdAt: z.iso.datetime({ offset: true }),
    }),
    keyResult: ZRef,
    objective: ZRef,
    author: ZPerson,
    url: ZAppUrl,
  }),
  "objective.status_changed": z.object({
    objective: ZRef,
    status: z.enum(PROGRESS_STATUSES),
    previousStatus: z.enum(PROGRESS_STATUSES),
    /** The rolled-up progress, 0–1 (may exceed 1 when over-achieved). */
    progress: z.number(),
    /** The elapsed fraction of the cycle the status is measured against. */
    expected: z.number().min(0).max(1),
    url: ZAppUrl,
  }),
  "kpi.status_changed": z.object({
    kpi: z.object({ id: z.uuid(), name: z.string() }),
    /** The latest period's first day, and its label ("March 2026", "Q1 2026"). */
    period: z.object({ start: z.iso.date(), label: z.string() }),
    status: z.enum(KPI_STATUSES),
    previousStatus: z.enum(KPI_STATUSES),
    value: z.number().nullable(),
    previousValue: z.number().nullable(),
    /** 0–10 on the goal / red-flag scale; null without a value. */
    score: z.number().nullable(),
    url: ZAppUrl,
  }),
  "review.finalized": z.object({
    review: ZRef,
    finalizedBy: ZPerson,
    /** Open corrective actions frozen with the review. */
    correctiveActions: z.number().int().min(0),
    url: ZAppUrl,
  }),
  "experiment.concluded": z.object({
    experiment: z.object({ id: z.uuid(), name: z.string() }),
    decision: z.enum(EXPERIMENT_DECISIONS),
    reason: z.string(),
    concludedBy: ZPerson,
    url: ZAppUrl,
  }),
} satisfies Record<WebhookEvent, z.ZodType>;

export type WebhookEventData<E extends WebhookEvent> = z.infer<(typeof WEBHOOK_EVENT_DATA_SCHEMAS)[E]>;

/** The body of every delivery. */
export const ZWebhookEnvelope = z.object({
  type: z.string(),
  timestamp: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()),
});
export type TWebhookEnvelope = z.infer<typeof ZWebhookEnvelope>;

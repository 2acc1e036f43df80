/**
 * The events an organization can subscribe a webhook endpoint to. The catalog
 * is the one place an event type is declared: producers emit its key, the
 * settings page lists it, the Slack formatter reads its label.
 */
export const WEBHOOK_EVENTS = [
  "checkin.created",
  "objective.status_changed",
  "kpi.status_changed",
  "review.finalized",
  "experiment.concluded",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_INFO: Record<WebhookEvent, { label: string; description: string }> = {
  "checkin.created": { label: "Check-in created", description: "Someone checked in on a key result." },
  "objective.status_changed": {
    label: "Objective status changed",
    description: "An objective moved between on track, at risk and off track.",
  },
  "kpi.status_changed": {
    label: "KPI status changed",
    description: "A KPI's latest period turned green, amber or red.",
  },
  "review.finalized": { label: "Review finalized", description: "A quarterly review was finalized." },
  "experiment.concluded": { label: "Experiment concluded", description: "An A/B experiment was concluded." },
};

/** Where a webhook endpoint's deliveries go: any receiver (Standard Webhooks) or a Slack incoming webhook. */
export const WEBHOOK_TARGETS = ["standard", "slack"] as const;
export type WebhookTarget = (typeof WEBHOOK_TARGETS)[number];

/**
 * The backoff between delivery attempts, in seconds: after the 1st failure
 * wait 30 s, then 2 min, 10 min, 1 h, 6 h, 24 h. After the last the delivery
 * is failed for good (it can still be resent by hand).
 */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [30, 120, 600, 3600, 21_600, 86_400] as const;

/** An endpoint whose deliveries have failed without one success for this long is paused and its admins told. */
export const WEBHOOK_PAUSE_AFTER_DAYS = 3;

/** Finished deliveries stay in the log this long, then are deleted with their attempts. */
export const WEBHOOK_LOG_RETENTION_DAYS = 30;

/** How long one delivery keeps being retried after its first attempt fails, in whole hours. */
export const WEBHOOK_RETRY_SPAN_HOURS = Math.round(WEBHOOK_RETRY_DELAYS_SECONDS.reduce((sum, s) => sum + s, 0) / 3600);

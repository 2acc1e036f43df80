import {
  EXPERIMENT_DECISION_LABELS,
  type ExperimentDecision,
  PROGRESS_STATUS_LABELS,
  type ProgressStatus,
  WEBHOOK_EVENT_INFO,
  type WebhookEvent,
  type WebhookEventData,
} from "@meridian/domain";

/*
 * A Slack incoming webhook takes `{ text, blocks }`: `text` is the
 * notification's fallback line, the blocks what the channel shows. Same
 * events, same data as the Standard Webhooks body, written for people.
 */

export interface SlackMessage {
  text: string;
  blocks: Record<string, unknown>[];
}

const KPI_STATUS_LABELS: Record<string, string> = {
  red: "Red",
  amber: "Amber",
  green: "Green",
  no_data: "No data",
};

/** Slack's mrkdwn treats only these three as markup; everything people typed is escaped. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const link = (url: unknown, text: string) =>
  typeof url === "string" && URL.canParse(url) ? `<${url}|${escapeSlack(text)}>` : escapeSlack(text);
const progress = (status: unknown) => PROGRESS_STATUS_LABELS[status as ProgressStatus] ?? String(status);
const kpi = (status: unknown) => KPI_STATUS_LABELS[String(status)] ?? String(status);
const percent = (value: number) => `${Math.round(value * 100)} %`;

/** The event's sentence and a line of details, from its `data`. */
function describe(type: string, data: Record<string, unknown>): { line: string; details: string[] } {
  switch (type as WebhookEvent) {
    case "checkin.created": {
      const d = data as WebhookEventData<"checkin.created">;
      const who = d.author?.name ?? "Someone";
      return {
        line: `${escapeSlack(who)} checked in on ${link(d.url, d.keyResult.title)}`,
        details: [
          `Objective: ${escapeSlack(d.objective.title)}`,
          `Value: ${d.checkIn.value}${d.checkIn.confidence === null ? "" : ` · confidence ${d.checkIn.confidence}/10`}`,
          ...(d.checkIn.comment ? [`> ${escapeSlack(d.checkIn.comment).replace(/\n/g, "\n> ")}`] : []),
        ],
      };
    }
    case "objective.status_changed": {
      const d = data as WebhookEventData<"objective.status_changed">;
      return {
        line: `${link(d.url, d.objective.title)} is now *${progress(d.status)}* (was ${progress(d.previousStatus)})`,
        details: [`Progress ${percent(d.progress)}, expected by now ${percent(d.expected)}`],
      };
    }
    case "kpi.status_changed": {
      const d = data as WebhookEventData<"kpi.status_changed">;
      return {
        line: `${link(d.url, d.kpi.name)} turned *${kpi(d.status)}* for ${escapeSlack(d.period.label)} (was ${kpi(d.previousStatus)})`,
        details: [
          `Value: ${d.value ?? "none"}${d.previousValue === null ? "" : ` (was ${d.previousValue})`}${
            d.score === null ? "" : ` · score ${d.score.toFixed(1)}/10`
          }`,
        ],
      };
    }
    case "review.finalized": {
      const d = data as WebhookEventData<"review.finalized">;
      return {
        line: `${link(d.url, d.review.title)} was finalized${d.finalizedBy ? ` by ${escapeSlack(d.finalizedBy.name)}` : ""}`,
        details: [`${d.correctiveActions} corrective action${d.correctiveActions === 1 ? "" : "s"} carried with it`],
      };
    }
    case "experiment.concluded": {
      const d = data as WebhookEventData<"experiment.concluded">;
      const decision = EXPERIMENT_DECISION_LABELS[d.decision as ExperimentDecision] ?? d.decision;
      return {
        line: `${link(d.url, d.experiment.name)} was concluded: *${escapeSlack(decision)}*`,
        details: d.reason ? [`> ${escapeSlack(d.reason).replace(/\n/g, "\n> ")}`] : [],
      };
    }
    default:
      return {
        line: typeof data.message === "string" ? escapeSlack(data.message) : `Event ${escapeSlack(type)}`,
        details: [],
      };
  }
}

/** A delivery's body as a Slack incoming-webhook message. */
export function formatSlackMessage(payload: Record<string, unknown>): SlackMessage {
  const type = String(payload.type ?? "");
  const data = (payload.data ?? {}) as Record<string, unknown>;
  const label = WEBHOOK_EVENT_INFO[type as WebhookEvent]?.label ?? (type === "webhook.test" ? "Test event" : type);
  let described: { line: string; details: string[] };
  try {
    described = describe(type, data);
  } catch {
    // A payload of an older shape (a resend of an old delivery): say what it is rather than fail.
    described = { line: `Event ${escapeSlack(type)}`, details: [] };
  }
  const blocks: Record<string, unknown>[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${escapeSlack(label)}*\n${described.line}` } },
  ];
  if (described.details.length > 0) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: described.details.join("\n") }] });
  }
  // The fallback line: plain text, without Slack's link markup.
  const text = `${label}: ${described.line.replace(/<([^|>]+)\|([^>]+)>/g, "$2").replace(/\*/g, "")}`;
  return { text, blocks };
}

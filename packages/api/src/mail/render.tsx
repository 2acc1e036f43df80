import { NOTIFICATION_KIND_INFO, type NotificationKind, type WeeklyDigest } from "@meridian/domain";
import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { CheckInEmail } from "./templates/check-in-email";
import { DigestEmail } from "./templates/digest-email";
import { EventEmail } from "./templates/event-email";
import { signUnsubscribeToken } from "./unsubscribe-token";

/** What the sender knows of one pending email: the notification row, its recipient and organization. */
export interface EmailNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  payload: Record<string, unknown>;
  userId: string;
  organizationId: string;
  recipientName: string;
  organizationName: string;
}

export interface EmailContext {
  /** Absolute app address, no trailing slash. */
  appUrl: string;
  /** Signs the unsubscribe link. */
  secret: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** RFC 2369 / RFC 8058: the mail client's own unsubscribe button, one POST, no sign-in. */
  headers: Record<string, string>;
  unsubscribeUrl: string;
}

export const UNSUBSCRIBE_PATH = "/api/notifications/unsubscribe";
export const PREFERENCES_PATH = "/account/notifications";

export function unsubscribeUrl(
  claim: { userId: string; organizationId: string; kind: NotificationKind },
  ctx: EmailContext,
): string {
  return `${ctx.appUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(signUnsubscribeToken(claim, ctx.secret))}`;
}

const ACTIONS: Partial<Record<NotificationKind, string>> = {
  action_assigned: "Open the action",
  action_overdue: "Open the action",
  review_opened: "Open the review",
  review_finalized: "Open the review",
  comment_on_owned: "Read the comment",
  mention: "Read the comment",
  kpi_turned_red: "Open the KPI",
  webhook_paused: "Open webhook settings",
};

function isDigest(value: unknown): value is WeeklyDigest {
  return typeof value === "object" && value !== null && Array.isArray((value as WeeklyDigest).sections);
}

/** Renders one notification's email (HTML and its plain-text part) from its kind's template. */
export async function renderNotificationEmail(n: EmailNotification, ctx: EmailContext): Promise<RenderedEmail> {
  const kindLabel = NOTIFICATION_KIND_INFO[n.kind].label;
  const unsubscribe = unsubscribeUrl(n, ctx);
  const layout = {
    organizationName: n.organizationName,
    kindLabel,
    unsubscribeUrl: unsubscribe,
    preferencesUrl: `${ctx.appUrl}${PREFERENCES_PATH}`,
  };
  const url = `${ctx.appUrl}${n.link}`;
  let element: ReactElement;
  let subject = n.title;
  if ((n.kind === "check_in_due" || n.kind === "check_in_reminder") && typeof n.payload.dueCount === "number") {
    element = (
      <CheckInEmail
        {...layout}
        reminder={n.kind === "check_in_reminder"}
        recipientName={n.recipientName}
        dueCount={n.payload.dueCount}
        periodKey={String(n.payload.periodKey ?? "")}
        url={url}
      />
    );
  } else if (n.kind === "weekly_digest" && isDigest(n.payload.digest)) {
    const digest = n.payload.digest;
    subject = `${n.title} · ${digest.summary.checkIns} check-ins, ${digest.summary.turned} turned, ${digest.summary.stale} stale`;
    element = (
      <DigestEmail {...layout} digest={digest} recipientName={n.recipientName} appUrl={ctx.appUrl} teamUrl={url} />
    );
  } else {
    element = (
      <EventEmail {...layout} title={n.title} body={n.body} url={url} action={ACTIONS[n.kind] ?? "Open in Meridian"} />
    );
  }
  const html = await render(element);
  return {
    subject,
    html,
    text: toPlainText(html),
    headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    unsubscribeUrl: unsubscribe,
  };
}

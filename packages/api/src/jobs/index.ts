// Background jobs on Postgres (pg-boss; on PGlite through the app's connection), ADR 0021.

export { deliverPendingWebhooks, deliverWebhookNow, pauseFailingEndpoints } from "./deliver-webhooks";
export { runScheduledNotifications } from "./scheduled-notifications";
export { dropPendingEmails, MAX_EMAIL_ATTEMPTS, retryDelaySeconds, sendPendingEmails } from "./send-emails";
export { type NotificationWorker, runNotificationTick, startNotificationWorker } from "./worker";

import type { Database } from "@meridian/db";
import type { Transporter } from "nodemailer";
import PgBoss from "pg-boss";
import { mailConfig } from "../mail/config";
import { createMailTransport } from "../mail/transport";
import { unsubscribeSecret } from "../mail/unsubscribe-token";
import { deliverPendingWebhooks } from "./deliver-webhooks";
import { pgliteBossAdapter } from "./pglite-adapter";
import { runScheduledNotifications } from "./scheduled-notifications";
import { dropPendingEmails, type SendReport, sendPendingEmails } from "./send-emails";

/** The queue of the notification tick: the scheduled producers, then the email sender. */
export const NOTIFICATIONS_QUEUE = "meridian-notifications";
/** Every minute: a person's check-in moment is met within a minute, a pending email waits at most one. */
export const NOTIFICATIONS_CRON = "* * * * *";
/** The queue of the webhook sender: its own, so a slow SMTP server never holds webhooks back. */
export const WEBHOOKS_QUEUE = "meridian-webhooks";
/** Between the minute's cron jobs, each instance queues a webhook tick this often (stately: one waits at most). */
export const WEBHOOKS_KICK_MS = 10_000;

export interface WorkerOptions {
  db: Database;
  driver: "postgres" | "pglite";
  /** The server's connection string (postgres): pg-boss opens its own small pool. */
  databaseUrl?: string | undefined;
  env?: Record<string, string | undefined>;
  log?: (message: string, detail?: Record<string, unknown>) => void;
  /** Seconds between the worker's polls of the queue (tests poll faster). */
  pollingIntervalSeconds?: number;
  now?: () => Date;
}

export interface NotificationWorker {
  boss: PgBoss;
  /** Queues a tick now (start does once), instead of waiting for the next minute. */
  kick(): Promise<void>;
  stop(): Promise<void>;
}

export interface TickDependencies {
  transport: Pick<Transporter, "sendMail"> | null;
  from: string;
  appUrl: string;
  secret: string;
  now?: Date;
}

/** One tick's work, whichever runner runs it: the scheduled notices, then the emails due. */
export async function runNotificationTick(db: Database, deps: TickDependencies) {
  const scheduled = await runScheduledNotifications(db, deps.now ?? new Date());
  let emails: SendReport | { dropped: number };
  if (deps.transport) {
    emails = await sendPendingEmails(db, {
      transport: deps.transport,
      from: deps.from,
      appUrl: deps.appUrl,
      secret: deps.secret,
    });
  } else {
    emails = { dropped: await dropPendingEmails(db) };
  }
  return { scheduled, emails };
}

/**
 * Starts the notification jobs on pg-boss: on the server with pg-boss's own
 * pool, on PGlite through the app's connection (pgliteBossAdapter). The tick
 * is a cron schedule every minute; pg-boss makes one job of each minute
 * however many instances run, the queue's `stately` policy keeps at most one
 * waiting and one running, and a failed tick is retried with backoff. The
 * work itself is safe to run twice: dedupe keys and the sender's claim.
 */
export async function startNotificationWorker(options: WorkerOptions): Promise<NotificationWorker> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const boss =
    options.driver === "postgres" && options.databaseUrl
      ? new PgBoss({ connectionString: options.databaseUrl, max: 3, application_name: "meridian-jobs" })
      : new PgBoss({ db: pgliteBossAdapter(options.db) });
  boss.on("error", (error) => log("job queue error", { err: error }));
  await boss.start();
  await boss.createQueue(NOTIFICATIONS_QUEUE, {
    name: NOTIFICATIONS_QUEUE,
    policy: "stately",
    retryLimit: 5,
    retryDelay: 15,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  });
  await boss.schedule(NOTIFICATIONS_QUEUE, NOTIFICATIONS_CRON, {}, { tz: "UTC" });

  const mail = mailConfig(env);
  const transport = mail ? createMailTransport(mail.smtpUrl) : null;
  const secret = mail ? unsubscribeSecret(env) : "";
  await boss.work(NOTIFICATIONS_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 }, async () => {
    const result = await runNotificationTick(options.db, {
      transport,
      from: mail?.from ?? "",
      appUrl: mail?.appUrl ?? "",
      secret,
      now: options.now?.() ?? new Date(),
    });
    log("notification tick", result);
    return result;
  });
  // Webhook deliveries (ADR 0028): the same queue pattern, ticked every minute and kicked every few seconds.
  await boss.createQueue(WEBHOOKS_QUEUE, {
    name: WEBHOOKS_QUEUE,
    policy: "stately",
    retryLimit: 5,
    retryDelay: 15,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  });
  await boss.schedule(WEBHOOKS_QUEUE, NOTIFICATIONS_CRON, {}, { tz: "UTC" });
  await boss.work(WEBHOOKS_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async () => {
    const result = await deliverPendingWebhooks(options.db, { env });
    log("webhook tick", { ...result });
    return result;
  });
  const kickWebhooks = () => {
    boss.send(WEBHOOKS_QUEUE, {}).catch((error) => log("webhook kick failed", { err: error }));
  };
  const webhookTimer = setInterval(kickWebhooks, WEBHOOKS_KICK_MS);
  webhookTimer.unref();
  const kick = async () => {
    await boss.send(NOTIFICATIONS_QUEUE, {});
    await boss.send(WEBHOOKS_QUEUE, {});
  };
  await kick();
  return {
    boss,
    kick,
    async stop() {
      clearInterval(webhookTimer);
      // Within the shutdown's 7 s for closing the database: a tick still running after 4 s goes back to the queue.
      await boss.stop({ graceful: true, wait: true, timeout: 4_000 });
      transport?.close();
    },
  };
}

import nodemailer, { type Transporter } from "nodemailer";

/**
 * One pooled SMTP transport per worker: a few connections kept open and
 * reused, so a Monday's thousands of reminders do not pay a TLS handshake each.
 * Timeouts stay well under the sender's claim on a message (CLAIM_SECONDS), so
 * a hung server fails the try instead of letting another worker send it too.
 */
export function createMailTransport(smtpUrl: string, options: { maxConnections?: number } = {}): Transporter {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 3,
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A local relay with a self-signed certificate can opt out: smtp://…?tls=insecure.
    tls: url.searchParams.get("tls") === "insecure" ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

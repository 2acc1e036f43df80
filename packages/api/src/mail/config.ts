/**
 * Email settings, from the environment: SMTP_URL (smtp://user:pass@host:587,
 * smtps://… for TLS from the start), MAIL_FROM ("Meridian <meridian@example.com>"),
 * and the app's public address for links (NEXTAUTH_URL). No SMTP_URL: email is
 * off, notifications stay in the app.
 */
export interface MailConfig {
  smtpUrl: string;
  from: string;
  appUrl: string;
}

type Env = Record<string, string | undefined>;

/** Whether email can go out at all (the preference page says so when it cannot). */
export function emailConfigured(env: Env = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim());
}

/** The app's absolute base address, without a trailing slash: every link in an email starts with it. */
export function appBaseUrl(env: Env = process.env): string {
  const url = env.NEXTAUTH_URL?.trim() || `http://localhost:${env.PORT ?? "3000"}`;
  return url.replace(/\/+$/, "");
}

export function mailConfig(env: Env = process.env): MailConfig | null {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return null;
  return {
    smtpUrl,
    from: env.MAIL_FROM?.trim() || "Meridian <meridian@localhost>",
    appUrl: appBaseUrl(env),
  };
}

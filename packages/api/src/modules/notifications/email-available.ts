/**
 * Whether Meridian can send email at all: an SMTP server is configured. Without
 * one, notifications stay in the app and the preference pages say so. The one
 * place this is decided until the mailer (`src/mail/`) exports its own check.
 */
export function emailAvailable(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

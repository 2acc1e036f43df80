export class MissingSecretError extends Error {
  constructor() {
    super(
      "NEXTAUTH_SECRET is not set. Meridian signs sessions with it, and every instance must share it: " +
        "set NEXTAUTH_SECRET to a long random string (for example the output of `openssl rand -base64 32`). " +
        "For local use, `pnpm start` and `pnpm dev` generate one under .data/ for you.",
    );
    this.name = "MissingSecretError";
  }
}

/**
 * The session-signing secret, from NEXTAUTH_SECRET. The local launcher
 * (apps/web/scripts/serve.mjs) generates and keeps one under `.data/`; run
 * any other way, a missing secret stops the server at startup.
 */
export function authSecret(env: Record<string, string | undefined> = process.env): string {
  const secret = env.NEXTAUTH_SECRET?.trim();
  if (!secret) throw new MissingSecretError();
  return secret;
}

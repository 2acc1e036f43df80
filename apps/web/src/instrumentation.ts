/**
 * Runs once when the server starts: fail fast on a missing production secret
 * or a malformed TRUSTED_PROXIES,
 * and migrate (and on first start seed) the database before the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { authSecret, parseTrustedProxies } = await import("@meridian/auth");
  const { getDatabase } = await import("@meridian/api/server");
  authSecret();
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
  await getDatabase();
}

/**
 * Runs once when the server starts: fail fast on a missing production secret,
 * and migrate (and on first start seed) the database before the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { authSecret } = await import("@meridian/auth");
  const { getDatabase } = await import("@meridian/api/server");
  authSecret();
  await getDatabase();
}

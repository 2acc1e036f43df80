/**
 * Where to send the browser after sign-in: the path of `value` when it
 * resolves to the app's own origin, else `fallback`. Decided by the URL
 * parser, as the browser will read it (backslashes, tabs and newlines,
 * `//host`, `javascript:`), never by string tests. The answer is a path
 * that starts with a single slash, so it cannot be read as another host.
 *
 * Every reader of a callback URL goes through here: the login page and
 * next-auth's redirect callback.
 */
export function safeCallbackPath(value: unknown, appOrigin: string, fallback = "/"): string {
  if (typeof value !== "string" || value === "") return fallback;
  const origin = new URL(appOrigin).origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = `${url.pathname.replace(/^\/+/, "/")}${url.search}${url.hash}`;
  // Checked again as the browser will resolve the answer itself.
  return new URL(path, origin).origin === origin && !path.startsWith("//") ? path : fallback;
}

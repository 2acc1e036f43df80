import type { Database } from "@meridian/db";
import { appBaseUrl } from "./config";
import { PREFERENCES_PATH } from "./render";
import { unsubscribe } from "./unsubscribe";
import { unsubscribeSecret } from "./unsubscribe-token";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

function page(status: number, title: string, message: string, appUrl: string): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Meridian</title>
<style>
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;background:#f4f5f7;color:#111827}
main{max-width:480px;margin:12vh auto;padding:32px;background:#fff;border:1px solid #e3e5e8;border-radius:8px}
h1{font-size:22px;margin:0 0 12px}p{font-size:15px;line-height:24px;color:#374151}a{color:#4338ca}
.brand{font-size:13px;font-weight:700;letter-spacing:.4px;color:#4338ca;margin:0 0 16px}
@media (max-width:520px){main{margin:8vh 12px;padding:24px}}
</style></head>
<body><main><p class="brand">MERIDIAN</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(appUrl + PREFERENCES_PATH)}">Choose which notifications you get</a> (after signing in).</p></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
  });
}

/** The token rides in the URL for both methods; a one-click POST's body (`List-Unsubscribe=One-Click`) is not read. */
function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

/**
 * The unsubscribe link of every email, with no sign-in: GET (the link
 * clicked) and POST (a mail client's one-click button, RFC 8058, or the form)
 * both turn that kind of email off and answer a small confirmation page.
 * A bad or foreign token gets a 400 page and changes nothing.
 */
export async function handleUnsubscribe(db: Database, request: Request): Promise<Response> {
  const appUrl = appBaseUrl();
  const result = await unsubscribe(db, tokenOf(request), unsubscribeSecret());
  if (!result.ok) {
    return page(
      400,
      "This unsubscribe link does not work",
      "It is incomplete or was not made by this Meridian. Nothing was changed.",
      appUrl,
    );
  }
  return page(
    200,
    "You are unsubscribed",
    `You will get no more “${result.kindLabel}” emails from ${result.organizationName}. Your other notifications are unchanged; it still shows in the app.`,
    appUrl,
  );
}

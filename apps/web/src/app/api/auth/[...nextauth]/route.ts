import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "~/server/auth";
import { observed } from "~/server/observed-route";
import { closingConnection, formatBytes, readBodyText, requestLimits } from "~/server/request-limits";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: RouteContext) {
  return NextAuth(request as never, context as never, authOptions());
}

/**
 * A sign-in form is a few hundred bytes: the body is read with the same cap as
 * the app's other routes before next-auth, which would read any size, sees it.
 */
async function post(request: Request, context: RouteContext) {
  const limit = requestLimits().maxBodyBytes;
  const text = await readBodyText(request, limit);
  if (text === null) {
    return closingConnection(
      Response.json({ error: { message: `The request is larger than ${formatBytes(limit)}.` } }, { status: 413 }),
    );
  }
  const read = new NextRequest(request.url, { method: "POST", headers: request.headers, body: text });
  return handler(read, context);
}

export const GET = observed(handler);
export const POST = observed(post);

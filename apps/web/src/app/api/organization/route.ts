import { ZOrganizationSwitchSchema } from "@meridian/domain";
import { cookies } from "next/headers";
import { ORGANIZATION_COOKIE } from "~/server/context";
import { observed } from "~/server/observed-route";
import { refuseForeignMutation } from "~/server/request-guard";
import { closingConnection, formatBytes, readBodyText, requestLimits } from "~/server/request-limits";
import { getCaller } from "~/trpc/server";

/** Switches the organization the signed-in user acts in, after checking they belong to it. */
async function switchOrganization(request: Request) {
  const refused = refuseForeignMutation(request);
  if (refused) return refused;
  const limit = requestLimits().maxBodyBytes;
  const text = await readBodyText(request, limit);
  if (text === null) {
    return closingConnection(
      Response.json({ error: { message: `The request is larger than ${formatBytes(limit)}.` } }, { status: 413 }),
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: { message: "The request body is not valid JSON." } }, { status: 400 });
  }
  const parsed = ZOrganizationSwitchSchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: { message: "Choose an organization." } }, { status: 400 });
  const me = await (await getCaller()).me.get().catch(() => null);
  if (!me) return Response.json({ error: { message: "Sign in to continue." } }, { status: 401 });
  if (!me.organizations.some((o) => o.id === parsed.data.organizationId)) {
    return Response.json({ error: { message: "You are not a member of that organization." } }, { status: 403 });
  }
  (await cookies()).set(ORGANIZATION_COOKIE, parsed.data.organizationId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  return Response.json({ organizationId: parsed.data.organizationId });
}

export const POST = observed(switchOrganization);

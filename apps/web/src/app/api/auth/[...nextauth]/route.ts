import NextAuth from "next-auth";
import { authOptions } from "~/server/auth";
import { observed } from "~/server/observed-route";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: RouteContext) {
  return NextAuth(request as never, context as never, authOptions());
}

const observedHandler = observed(handler);

export { observedHandler as GET, observedHandler as POST };

import { safeCallbackPath } from "@meridian/auth/callback-url";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "~/components/logo";
import { getSessionUser } from "~/server/auth";
import { getCaller } from "~/trpc/server";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getSessionUser()) redirect("/");
  const [{ callbackUrl }, demo] = await Promise.all([searchParams, (await getCaller()).demo.accounts()]);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-50 via-white to-indigo-50 px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <Logo className="text-2xl text-slate-900" />
          <p className="mt-2 text-sm text-slate-600">OKRs, scorecards and KPIs in one place.</p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
          <LoginForm callbackUrl={safeCallbackPath(callbackUrl, appOrigin())} demo={demo} />
        </div>
      </div>
    </main>
  );
}

/** The app's own origin, which a callback URL must resolve to: never bounce a user to another site after login. */
function appOrigin(): string {
  return process.env.NEXTAUTH_URL || "http://localhost";
}

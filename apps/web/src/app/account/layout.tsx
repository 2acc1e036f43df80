import type { ReactNode } from "react";
import { AppShell } from "~/components/layout/app-shell";
import { LogoutButton } from "~/components/layout/logout-button";
import { Logo } from "~/components/logo";
import { requireSessionUser } from "~/server/auth";
import { TRPCReactProvider } from "~/trpc/react";
import { getCaller } from "~/trpc/server";

/** Account pages: inside the app for everyone, alone on the page while a temporary password must be replaced. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await requireSessionUser();
  const me = await (await getCaller()).me.get();
  if (user.mustChangePassword) {
    return (
      <TRPCReactProvider>
        <div className="min-h-screen bg-gradient-to-br from-slate-50 via-white to-indigo-50">
          <header className="mx-auto flex h-14 max-w-3xl items-center justify-between px-4">
            <Logo className="text-slate-900" />
            <LogoutButton />
          </header>
          <main className="mx-auto max-w-md px-4 py-10">{children}</main>
        </div>
      </TRPCReactProvider>
    );
  }
  return (
    <TRPCReactProvider>
      <AppShell me={me}>
        <div className="max-w-5xl">{children}</div>
      </AppShell>
    </TRPCReactProvider>
  );
}

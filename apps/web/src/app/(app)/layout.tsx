import { ROLE_LABELS } from "@meridian/domain";
import type { ReactNode } from "react";
import { LogoutButton } from "~/components/layout/logout-button";
import { NavLinks } from "~/components/layout/nav-links";
import { Logo } from "~/components/logo";
import { requireSessionUser } from "~/server/auth";
import { TRPCReactProvider } from "~/trpc/react";
import { getCaller } from "~/trpc/server";

export default async function AppLayout({ children }: { children: ReactNode }) {
  await requireSessionUser();
  const me = await (await getCaller()).me.get();
  const links = [{ href: "/dashboard", label: "Dashboard" }];
  if (me.permissions.includes("settings.view")) links.push({ href: "/settings", label: "Settings" });

  return (
    <TRPCReactProvider>
      <div className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
            <Logo className="text-slate-900" />
            <nav aria-label="Main" className="flex items-center gap-1">
              <NavLinks links={links} />
            </nav>
            <div className="ml-auto flex items-center gap-3 text-sm">
              <div className="hidden text-right sm:block">
                <p className="font-medium text-slate-900">{me.user.name}</p>
                <p className="text-xs text-slate-500">
                  {me.organization
                    ? `${me.organization.name} · ${ROLE_LABELS[me.organization.role]}`
                    : "No organization"}
                </p>
              </div>
              <LogoutButton />
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-8">
          {me.organization ? (
            children
          ) : (
            <p className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-800">
              Your account does not belong to an organization yet. Ask an administrator to add you.
            </p>
          )}
        </main>
      </div>
    </TRPCReactProvider>
  );
}

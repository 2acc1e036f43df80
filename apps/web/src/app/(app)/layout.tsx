import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "~/components/layout/app-shell";
import { PendingInvitations } from "~/components/layout/pending-invitations";
import { requireSessionUser } from "~/server/auth";
import { TRPCReactProvider } from "~/trpc/react";
import { getCaller } from "~/trpc/server";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireSessionUser();
  if (user.mustChangePassword) redirect("/account/password");
  const caller = await getCaller();
  const [me, invitations] = await Promise.all([caller.me.get(), caller.invitations.list()]);
  return (
    <TRPCReactProvider>
      <AppShell me={me}>
        <PendingInvitations invitations={invitations} />
        {me.organization ? (
          children
        ) : (
          <p className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-800">
            Your account does not belong to an organization yet. Ask an administrator to invite you, then accept the
            invitation here.
          </p>
        )}
      </AppShell>
    </TRPCReactProvider>
  );
}

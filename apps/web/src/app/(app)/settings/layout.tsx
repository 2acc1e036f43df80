import type { ReactNode } from "react";
import { NavLinks } from "~/components/layout/nav-links";
import { PageHeader } from "~/components/ui/field";
import { requirePermission } from "~/server/permissions";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const me = await requirePermission("settings.view");
  return (
    <div className="space-y-6">
      <PageHeader kicker="Settings" title={me.organization?.name ?? "Settings"} />
      <nav aria-label="Settings" className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        <NavLinks
          exact
          links={[
            { href: "/settings", label: "Organization" },
            { href: "/settings/users", label: "Users" },
            { href: "/settings/teams", label: "Teams" },
            { href: "/settings/cycles", label: "Cycles" },
            { href: "/settings/scorecard", label: "Scorecard" },
            { href: "/settings/notifications", label: "Notifications" },
            { href: "/settings/api-tokens", label: "API tokens" },
            { href: "/settings/webhooks", label: "Webhooks" },
            { href: "/settings/audit", label: "Audit log" },
            { href: "/developers/api", label: "API reference" },
          ]}
        />
      </nav>
      {children}
    </div>
  );
}

import { ROLE_HOME, ROLE_LABELS, type Role } from "@meridian/domain";
import type { ReactNode } from "react";
import { Logo } from "~/components/logo";
import { LogoutButton } from "./logout-button";
import { NavLinks } from "./nav-links";
import { OrganizationSwitcher } from "./organization-switcher";

/** Who is signed in, as `me.get` answers it. */
export interface ShellViewer {
  user: { name: string };
  organization: { id: string; name: string; role: Role } | null;
  organizations: { id: string; name: string; role: Role }[];
  permissions: readonly string[];
}

/** The header every signed-in page shares; its links follow the permission policy. */
export function AppShell({ me, children }: { me: ShellViewer; children: ReactNode }) {
  const { user, organization, organizations, permissions } = me;
  const links: { href: string; label: string }[] = [];
  if (organization && organization.role !== "viewer") links.push({ href: ROLE_HOME[organization.role], label: "Home" });
  links.push({ href: "/dashboard", label: "Dashboard" });
  links.push({ href: "/okrs", label: "OKRs" });
  links.push({ href: "/alignment", label: "Alignment" });
  links.push({ href: "/scorecard", label: "Scorecard" });
  links.push({ href: "/strategy-map", label: "Strategy map" });
  links.push({ href: "/kpis", label: "KPIs" });
  links.push({ href: "/experiments", label: "Experiments" });
  links.push({ href: "/reviews", label: "Reviews" });
  if (permissions.includes("campaign.read")) {
    links.push({ href: "/campaigns", label: "Campaigns" });
    links.push({ href: "/marketing", label: "Marketing" });
  }
  if (permissions.includes("settings.view")) links.push({ href: "/settings", label: "Settings" });
  links.push({ href: "/account/password", label: "Account" });

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4">
          <Logo className="text-slate-900" />
          <nav aria-label="Main" className="flex items-center gap-1">
            <NavLinks links={links} />
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            {organization && organizations.length > 1 && (
              <OrganizationSwitcher current={organization.id} organizations={organizations} />
            )}
            {/* Narrower screens show initials; the name and role are in its label. */}
            <span
              className="flex h-8 w-8 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700 2xl:hidden"
              title={`${user.name}${organization ? ` · ${organization.name} · ${ROLE_LABELS[organization.role]}` : ""}`}
              role="img"
              aria-label={`Signed in as ${user.name}`}
            >
              {initials(user.name)}
            </span>
            <div className="hidden text-right 2xl:block">
              <p className="font-medium text-slate-900">{user.name}</p>
              <p className="text-xs text-slate-500">
                {organization ? `${organization.name} · ${ROLE_LABELS[organization.role]}` : "No organization"}
              </p>
            </div>
            <LogoutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase();
}

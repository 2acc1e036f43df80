import { ROLE_LABELS, type Role } from "@meridian/domain";
import type { ReactNode } from "react";
import { Logo } from "~/components/logo";
import { NotificationBell } from "~/components/notifications/notification-bell";
import { LogoutButton } from "./logout-button";
import { MainMenu } from "./main-menu";
import { mainNavLinks } from "./nav-items";
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
  const links = mainNavLinks(organization?.role ?? null, permissions);
  const where = organization ? `${organization.name} · ${ROLE_LABELS[organization.role]}` : "No organization";

  return (
    <div className="min-h-screen">
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4">
          <Logo className="shrink-0 text-slate-900" />
          <MainMenu>
            <nav aria-label="Main" className="flex flex-col gap-0.5 nav:flex-row nav:items-center">
              <NavLinks links={links} menu />
            </nav>
            <div className="flex flex-col gap-3 border-t border-slate-200 pt-3 text-sm nav:ml-auto nav:flex-row nav:items-center nav:border-0 nav:pt-0">
              {organization && organizations.length > 1 && (
                <OrganizationSwitcher current={organization.id} organizations={organizations} />
              )}
              {/* Between the widths where the whole name fits, initials; the name and role are in its label. */}
              <span
                className="hidden h-8 w-8 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700 nav:flex 2xl:hidden"
                title={`${user.name}${organization ? ` · ${where}` : ""}`}
                role="img"
                aria-label={`Signed in as ${user.name}`}
              >
                {initials(user.name)}
              </span>
              <div className="nav:hidden nav:text-right 2xl:block">
                <p className="font-medium text-slate-900">{user.name}</p>
                <p className="text-xs text-slate-500">{where}</p>
              </div>
              <LogoutButton />
            </div>
          </MainMenu>
          {organization && <NotificationBell />}
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6 sm:py-8">{children}</main>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase();
}

import type { ReactNode } from "react";
import { NavLinks } from "~/components/layout/nav-links";

/** The marketing area's own tabs: one entry in the main navigation, three pages under it. */
const MARKETING_TABS = [
  { href: "/marketing", label: "Overview" },
  { href: "/campaigns", label: "Campaigns" },
  { href: "/experiments", label: "Experiments" },
];

export default function MarketingLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <nav aria-label="Marketing" className="-mx-1 flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        <NavLinks links={MARKETING_TABS} />
      </nav>
      {children}
    </div>
  );
}

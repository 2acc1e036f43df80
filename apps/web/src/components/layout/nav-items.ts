import { ROLE_HOME, type Role } from "@meridian/domain";

/** An entry of the main navigation; `when` leaves it out for those who cannot use it. */
interface NavEntry {
  label: string;
  href: string | ((role: Role) => string);
  /** Other paths that belong to the entry (it shows as current on them). */
  also?: readonly string[];
  when?: (viewer: { role: Role | null; permissions: readonly string[] }) => boolean;
}

/**
 * The main navigation, in its order: a new area is one line here. At 1280 px, where the row unfolds
 * (--breakpoint-nav in globals.css), it has room for about two more entries of ten letters; past that,
 * raise the breakpoint (and the 1280 in e2e/phone-layout.test.ts, which checks the row fits).
 */
const MAIN_NAV: readonly NavEntry[] = [
  { label: "Home", href: (role) => ROLE_HOME[role], when: ({ role }) => role !== null && role !== "viewer" },
  {
    label: "Check in",
    href: "/check-in",
    when: ({ permissions }) => permissions.includes("checkin.create"),
  },
  { label: "Dashboard", href: "/dashboard" },
  { label: "OKRs", href: "/okrs" },
  { label: "Alignment", href: "/alignment" },
  { label: "Scorecard", href: "/scorecard" },
  { label: "Strategy map", href: "/strategy-map" },
  { label: "KPIs", href: "/kpis" },
  { label: "Reviews", href: "/reviews" },
  {
    label: "Marketing",
    href: "/marketing",
    also: ["/campaigns", "/experiments"],
    when: ({ permissions }) => permissions.includes("campaign.read") || permissions.includes("experiment.read"),
  },
  { label: "Settings", href: "/settings", when: ({ permissions }) => permissions.includes("settings.view") },
  { label: "Account", href: "/account" },
];

export interface NavLink {
  href: string;
  label: string;
  also?: readonly string[];
}

/** The links one person sees. */
export function mainNavLinks(role: Role | null, permissions: readonly string[]): NavLink[] {
  return MAIN_NAV.filter((entry) => entry.when?.({ role, permissions }) ?? true).map((entry) => ({
    label: entry.label,
    href: typeof entry.href === "string" ? entry.href : entry.href(role ?? "viewer"),
    also: entry.also,
  }));
}

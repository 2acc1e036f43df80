import type { Page } from "playwright-core";
import type { DemoRole } from "./browser";

/** Every page of the app, as the role that sees the most of it. */
export interface TourStop {
  name: string;
  role: DemoRole | null;
  /** A path, or a page to open first, the link pattern to follow from it (records the demo makes) and a suffix. */
  path: string | { from: string; link: RegExp; suffix?: string };
}

const ID = "[0-9a-f-]{36}";

export const TOUR: readonly TourStop[] = [
  { name: "login", role: null, path: "/login" },
  { name: "admin-home", role: "admin", path: "/admin" },
  { name: "team-home", role: "manager", path: "/team" },
  { name: "my-okrs", role: "member", path: "/my" },
  { name: "dashboard", role: "admin", path: "/dashboard" },
  { name: "okrs", role: "admin", path: "/okrs" },
  { name: "okrs-board", role: "admin", path: "/okrs?view=board" },
  { name: "alignment", role: "admin", path: "/alignment" },
  { name: "objective", role: "admin", path: { from: "/okrs", link: new RegExp(`^/objectives/${ID}$`) } },
  { name: "objective-new", role: "admin", path: "/objectives/new" },
  { name: "scorecard", role: "admin", path: "/scorecard" },
  { name: "strategy-map", role: "admin", path: "/strategy-map" },
  { name: "kpis", role: "admin", path: "/kpis" },
  { name: "kpi", role: "admin", path: { from: "/kpis", link: new RegExp(`^/kpis/${ID}$`) } },
  { name: "kpi-new", role: "admin", path: "/kpis/new" },
  { name: "kpi-import", role: "admin", path: "/kpis/import" },
  { name: "reviews", role: "manager", path: "/reviews" },
  { name: "review", role: "manager", path: { from: "/reviews", link: new RegExp(`^/reviews/${ID}$`) } },
  {
    name: "review-print",
    role: "manager",
    path: { from: "/reviews", link: new RegExp(`^/reviews/${ID}$`), suffix: "/print" },
  },
  { name: "marketing", role: "manager", path: "/marketing" },
  { name: "campaigns", role: "manager", path: "/campaigns" },
  { name: "campaigns-quarter", role: "manager", path: "/campaigns?view=quarter" },
  {
    name: "campaign",
    role: "manager",
    path: { from: "/campaigns?view=quarter", link: new RegExp(`^/campaigns/${ID}$`) },
  },
  { name: "campaign-new", role: "manager", path: "/campaigns/new" },
  { name: "experiments", role: "member", path: "/experiments" },
  { name: "experiment", role: "member", path: { from: "/experiments", link: new RegExp(`^/experiments/${ID}$`) } },
  { name: "experiment-new", role: "member", path: "/experiments/new" },
  { name: "settings", role: "admin", path: "/settings" },
  { name: "settings-users", role: "admin", path: "/settings/users" },
  { name: "settings-teams", role: "admin", path: "/settings/teams" },
  { name: "settings-cycles", role: "admin", path: "/settings/cycles" },
  { name: "settings-scorecard", role: "admin", path: "/settings/scorecard" },
  { name: "settings-api-tokens", role: "admin", path: "/settings/api-tokens" },
  { name: "settings-webhooks", role: "admin", path: "/settings/webhooks" },
  { name: "developers-api", role: "member", path: "/developers/api" },
  { name: "settings-audit", role: "admin", path: "/settings/audit" },
  { name: "account", role: "member", path: "/account" },
  { name: "settings-notifications", role: "admin", path: "/settings/notifications" },
  { name: "account-password", role: "member", path: "/account/password" },
  { name: "notifications", role: "member", path: "/notifications" },
  { name: "account-notifications", role: "manager", path: "/account/notifications" },
];

/** The stop's path; for a record the demo makes, found by following a link from the page that lists it. */
export async function resolveStop(page: Page, path: TourStop["path"]): Promise<string> {
  if (typeof path === "string") return path;
  await page.goto(path.from);
  await page.getByRole("heading", { level: 1 }).waitFor();
  // Some lists (the campaign timeline) arrive after the heading, from the client.
  await page.waitForLoadState("networkidle");
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => path.link.test(h));
  if (!href) throw new Error(`No link matching ${path.link} on ${path.from}`);
  return `${href}${path.suffix ?? ""}`;
}

import { asc, type Database, eq, memberships, organizations, users } from "@meridian/db";
import { DEMO_PASSWORD } from "@meridian/db/seed";
import { demoMode } from "./demo-mode";

/**
 * The demo sign-ins, for the login page while the app runs in demo mode on
 * demo data; empty (and no password) when demo mode is off or no demo
 * organization exists, so a real install lists nobody.
 */
export async function demoAccounts(scope: { db: Database }) {
  if (!demoMode()) return { password: null, accounts: [] };
  const rows = await scope.db
    .select({ email: users.email, name: users.name, role: memberships.role })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.organizationId, organizations.id))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(organizations.isDemo, true))
    .orderBy(asc(users.email));
  const onePerRole = ["admin", "manager", "member", "viewer"].map((role) =>
    rows.find((r) => r.role === role && r.email === `${role}@example.com`),
  );
  const accounts = onePerRole.filter((r) => r !== undefined);
  return { password: accounts.length > 0 ? DEMO_PASSWORD : null, accounts };
}

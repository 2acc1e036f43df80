import { type Database, sql } from "@meridian/db";

/** Tables that carry organization_id: everything an organization owns. */
const TENANT_TABLES = [
  "teams",
  "memberships",
  "invitations",
  "team_members",
  "cycles",
  "objectives",
  "key_results",
  "check_ins",
  "comments",
  "activity_log",
  // Balanced scorecard, API tokens and quarterly reviews.
  "perspectives",
  "strategic_objectives",
  "strategy_links",
  "kpis",
  "kpi_targets",
  "kpi_actuals",
  "kpi_benchmarks",
  "api_tokens",
  "reviews",
  "review_comments",
  "corrective_actions",
  // A/B experiments.
  "experiments",
  "experiment_variants",
  "experiment_metrics",
  "experiment_results",
  // Campaigns.
  "campaigns",
  "campaign_results",
  "calendar_feeds",
  // Notifications: the inbox and outbox rows, personal choices and organization defaults.
  "notifications",
  "notification_preferences",
  "notification_defaults",
] as const;

/** Every table a procedure may write. */
const ALL_TABLES = ["organizations", "users", "user_sessions", ...TENANT_TABLES] as const;

/** "rows:sum of every row's hash" — any insert, update or delete changes it, and no sort is needed. */
const tableHash = (from: string) =>
  sql.raw(`(select count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) from ${from})`);

/**
 * Everything one organization holds, table by table, including the accounts of
 * its people: equal before and after a call proves the call changed nothing there.
 */
export async function organizationFingerprint(db: Database, organizationId: string) {
  const id = organizationId.replace(/[^0-9a-f-]/gi, "");
  const columns: Record<string, ReturnType<typeof sql<string>>> = {
    organization: sql<string>`${tableHash(`organizations t where t.id = '${id}'`)}`,
    accounts: sql<string>`${tableHash(
      `users t where t.id in (select m.user_id from memberships m where m.organization_id = '${id}')`,
    )}`,
  };
  for (const table of TENANT_TABLES)
    columns[table] = sql<string>`${tableHash(`${table} t where t.organization_id = '${id}'`)}`;
  const [row] = await db.select(columns).from(sql`(select 1) as one`);
  if (!row) throw new Error("fingerprint query returned nothing");
  return row;
}

/**
 * The whole database, table by table, in one statement: equal before and after
 * a call means the call wrote nothing anywhere.
 */
export async function writeFingerprint(db: Database) {
  const columns: Record<string, ReturnType<typeof sql<string>>> = {};
  for (const table of ALL_TABLES) columns[table] = sql<string>`${tableHash(`${table} t`)}`;
  const [row] = await db.select(columns).from(sql`(select 1) as one`);
  if (!row) throw new Error("fingerprint query returned nothing");
  return row;
}

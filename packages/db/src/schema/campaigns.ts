import { relations, sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, tenantId, updatedAt, version } from "./columns";
import { campaignChannelEnum, campaignStatusEnum } from "./enums";
import { keyResults, objectives } from "./okr";
import { organizations, users } from "./organizations";
import { strategicObjectives } from "./scorecard";
import { teams } from "./teams";

/** Money in integer minor units (cents); JavaScript numbers hold it exactly up to 2^53. */
const money = () => bigint({ mode: "number" });

/**
 * A marketing campaign on the calendar. Its spend, conversions and revenue are
 * the sums of its results per period (campaign_results), so there is one
 * place each number is entered.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    channel: campaignChannelEnum().notNull(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    /** Members manage the campaigns of their teams; a campaign of no team is for managers and admins. */
    teamId: uuid(),
    status: campaignStatusEnum().notNull().default("planned"),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    /** Null: no budget set (its budget figures stay blank). */
    budget: money(),
    /** ISO 4217; the budget and every result of the campaign are in it. */
    currency: text().notNull(),
    utmSource: text().notNull().default(""),
    utmMedium: text().notNull().default(""),
    utmCampaign: text().notNull().default(""),
    landingUrl: text().notNull().default(""),
    objectiveId: uuid(),
    keyResultId: uuid(),
    strategicObjectiveId: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "campaigns_team_id_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }).onDelete("set null"),
    foreignKey({
      name: "campaigns_objective_id_fk",
      columns: [t.organizationId, t.objectiveId],
      foreignColumns: [objectives.organizationId, objectives.id],
    }).onDelete("set null"),
    foreignKey({
      name: "campaigns_key_result_id_fk",
      columns: [t.organizationId, t.keyResultId],
      foreignColumns: [keyResults.organizationId, keyResults.id],
    }).onDelete("set null"),
    foreignKey({
      name: "campaigns_strategic_objective_id_fk",
      columns: [t.organizationId, t.strategicObjectiveId],
      foreignColumns: [strategicObjectives.organizationId, strategicObjectives.id],
    }).onDelete("set null"),
    // The calendar's window: campaigns overlapping [from, to].
    index("campaigns_org_starts_idx").on(t.organizationId, t.startsOn, t.endsOn),
    // The list's page order.
    index("campaigns_org_name_idx").on(t.organizationId, t.name, t.id),
    index("campaigns_org_team_idx").on(t.organizationId, t.teamId),
    index("campaigns_org_owner_idx").on(t.organizationId, t.ownerId),
    check("campaigns_dates_ordered", sql`${t.endsOn} >= ${t.startsOn}`),
    check("campaigns_budget_not_negative", sql`${t.budget} is null or ${t.budget} >= 0`),
    check("campaigns_currency_code", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/**
 * A campaign's spend and results for one period (named by its first day). A
 * blank figure is not entered, not zero. Entering, importing or pushing a
 * period again replaces it: repeats add nothing.
 */
export const campaignResults = pgTable(
  "campaign_results",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid().notNull(),
    periodStart: date({ mode: "string" }).notNull(),
    spend: money(),
    conversions: integer(),
    revenue: money(),
    /** "manual", "csv" or "api". */
    source: text().notNull().default("manual"),
    updatedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "campaign_results_campaign_id_fk",
      columns: [t.organizationId, t.campaignId],
      foreignColumns: [campaigns.organizationId, campaigns.id],
    }).onDelete("cascade"),
    uniqueIndex("campaign_results_campaign_period_key").on(t.organizationId, t.campaignId, t.periodStart),
    // KPIs fed by campaigns and the dashboard's months read results by period.
    index("campaign_results_org_period_idx").on(t.organizationId, t.periodStart),
    check(
      "campaign_results_not_negative",
      sql`coalesce(${t.spend}, 0) >= 0 and coalesce(${t.conversions}, 0) >= 0 and coalesce(${t.revenue}, 0) >= 0`,
    ),
  ],
);

/**
 * A person's secret calendar feed (iCalendar) of their organization's campaigns.
 * Only a SHA-256 hash of the secret is kept; making a new one ends the old.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("calendar_feeds_org_user_key").on(t.organizationId, t.userId),
    // The feed's URL carries only the secret: it is found by its hash before the organization is known.
    index("calendar_feeds_hash_idx").on(t.tokenHash),
  ],
);

export const campaignsRelations = relations(campaigns, ({ one, many }) => ({
  owner: one(users, { fields: [campaigns.ownerId], references: [users.id] }),
  team: one(teams, { fields: [campaigns.teamId], references: [teams.id] }),
  results: many(campaignResults),
}));
export const campaignResultsRelations = relations(campaignResults, ({ one }) => ({
  campaign: one(campaigns, { fields: [campaignResults.campaignId], references: [campaigns.id] }),
}));

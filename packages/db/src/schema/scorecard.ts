import { relations, sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, tenantId, updatedAt, version } from "./columns";
import {
  campaignChannelEnum,
  kpiActualSourceEnum,
  kpiAggregationEnum,
  kpiCampaignMeasureEnum,
  kpiDirectionEnum,
  kpiFrequencyEnum,
  kpiKindEnum,
} from "./enums";
import { organizations, users } from "./organizations";

/** A band of the balanced scorecard (Financial, Customer, …), ordered and weighted. */
export const perspectives = pgTable(
  "perspectives",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    position: integer().notNull().default(0),
    weight: doublePrecision().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("perspectives_org_position_idx").on(t.organizationId, t.position),
    check("perspectives_weight_positive", sql`${t.weight} >= 0`),
  ],
);

/** A long-lived objective of the strategy, not tied to a cycle; OKR objectives can align to it. */
export const strategicObjectives = pgTable(
  "strategic_objectives",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    perspectiveId: uuid().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    weight: doublePrecision().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "strategic_objectives_perspective_id_fk",
      columns: [t.organizationId, t.perspectiveId],
      foreignColumns: [perspectives.organizationId, perspectives.id],
    }).onDelete("restrict"),
    index("strategic_objectives_org_perspective_idx").on(t.organizationId, t.perspectiveId),
    check("strategic_objectives_weight_positive", sql`${t.weight} >= 0`),
  ],
);

/** A cause → effect arrow of the strategy map. */
export const strategyLinks = pgTable(
  "strategy_links",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    causeId: uuid().notNull(),
    effectId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "strategy_links_cause_id_fk",
      columns: [t.organizationId, t.causeId],
      foreignColumns: [strategicObjectives.organizationId, strategicObjectives.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "strategy_links_effect_id_fk",
      columns: [t.organizationId, t.effectId],
      foreignColumns: [strategicObjectives.organizationId, strategicObjectives.id],
    }).onDelete("cascade"),
    uniqueIndex("strategy_links_cause_effect_key").on(t.organizationId, t.causeId, t.effectId),
    check("strategy_links_not_self", sql`${t.causeId} <> ${t.effectId}`),
  ],
);

export const kpis = pgTable(
  "kpis",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    /** Shown after values: "%", "EUR", "days", "visitors". */
    unit: text().notNull().default(""),
    direction: kpiDirectionEnum().notNull().default("higher_is_better"),
    frequency: kpiFrequencyEnum().notNull().default("monthly"),
    aggregation: kpiAggregationEnum().notNull().default("sum"),
    /** Default goal and red flag; per-period overrides live in kpi_targets. */
    goal: doublePrecision().notNull(),
    redFlag: doublePrecision().notNull(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    strategicObjectiveId: uuid(),
    weight: doublePrecision().notNull().default(1),
    kind: kpiKindEnum().notNull().default("manual"),
    /** Computed KPIs: numerator / return (a) and denominator / cost (b), both entered KPIs. */
    inputAId: uuid(),
    inputBId: uuid(),
    /**
     * Campaign-fed KPIs (kind "campaigns", ADR 0020): the figure summed from campaign_results per
     * period when read, the channel it is limited to (null: all) and, for money, the one currency
     * whose campaigns are summed (ISO 4217; results in other currencies are left out, never converted).
     */
    campaignMeasure: kpiCampaignMeasureEnum(),
    campaignChannel: campaignChannelEnum(),
    currency: text(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "kpis_strategic_objective_id_fk",
      columns: [t.organizationId, t.strategicObjectiveId],
      foreignColumns: [strategicObjectives.organizationId, strategicObjectives.id],
    }).onDelete("set null"),
    foreignKey({
      name: "kpis_input_a_id_fk",
      columns: [t.organizationId, t.inputAId],
      foreignColumns: [t.organizationId, t.id],
    }).onDelete("restrict"),
    foreignKey({
      name: "kpis_input_b_id_fk",
      columns: [t.organizationId, t.inputBId],
      foreignColumns: [t.organizationId, t.id],
    }).onDelete("restrict"),
    index("kpis_org_objective_idx").on(t.organizationId, t.strategicObjectiveId),
    index("kpis_org_owner_idx").on(t.organizationId, t.ownerId),
    // The KPI list's page order.
    index("kpis_org_name_idx").on(t.organizationId, t.name, t.id),
    // Names are matched without regard to case (CSV import, API pushes), so they are unique that way too.
    uniqueIndex("kpis_org_name_key").on(t.organizationId, sql`lower(${t.name})`),
    check("kpis_goal_differs", sql`${t.goal} <> ${t.redFlag}`),
    check("kpis_weight_positive", sql`${t.weight} >= 0`),
    // Only the computed kinds are named, not 'campaigns': the migration adds that enum value in
    // the same transaction, where Postgres refuses to use it (ADR 0020).
    check(
      "kpis_inputs_match_kind",
      sql`(${t.kind} not in ('ratio', 'roi') and ${t.inputAId} is null and ${t.inputBId} is null) or (${t.kind} in ('ratio', 'roi') and ${t.inputAId} is not null and ${t.inputBId} is not null and ${t.inputAId} <> ${t.id} and ${t.inputBId} <> ${t.id})`,
    ),
    check(
      "kpis_campaign_source_match_kind",
      sql`(${t.kind} in ('manual', 'ratio', 'roi')) = (${t.campaignMeasure} is null) and (${t.campaignMeasure} is not null or (${t.campaignChannel} is null and ${t.currency} is null)) and (${t.currency} is not null) = (${t.campaignMeasure} is not null and ${t.campaignMeasure} <> 'conversions')`,
    ),
    check("kpis_currency_code", sql`${t.currency} is null or ${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** A goal / red-flag override for one period, named by its first day. */
export const kpiTargets = pgTable(
  "kpi_targets",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kpiId: uuid().notNull(),
    periodStart: date({ mode: "string" }).notNull(),
    goal: doublePrecision().notNull(),
    redFlag: doublePrecision().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "kpi_targets_kpi_id_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
    uniqueIndex("kpi_targets_kpi_period_key").on(t.organizationId, t.kpiId, t.periodStart),
    check("kpi_targets_goal_differs", sql`${t.goal} <> ${t.redFlag}`),
  ],
);

/**
 * One value per KPI and reporting period (named by its first day). Entering,
 * importing or pushing a value for a period replaces it: repeats add nothing.
 */
export const kpiActuals = pgTable(
  "kpi_actuals",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kpiId: uuid().notNull(),
    periodStart: date({ mode: "string" }).notNull(),
    value: doublePrecision().notNull(),
    source: kpiActualSourceEnum().notNull().default("manual"),
    /** Null when pushed through the ingestion API with a token. */
    updatedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "kpi_actuals_kpi_id_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
    uniqueIndex("kpi_actuals_kpi_period_key").on(t.organizationId, t.kpiId, t.periodStart),
    // The quarters shown (a window of periods) and the quarter pickers' loose index scan.
    index("kpi_actuals_org_period_idx").on(t.organizationId, t.periodStart),
  ],
);

/** A competitor's or an industry figure for a KPI and period, shown beside our own. */
export const kpiBenchmarks = pgTable(
  "kpi_benchmarks",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kpiId: uuid().notNull(),
    /** "Contoso", "Industry median". */
    source: text().notNull(),
    periodStart: date({ mode: "string" }).notNull(),
    value: doublePrecision().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "kpi_benchmarks_kpi_id_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
    uniqueIndex("kpi_benchmarks_kpi_source_period_key").on(t.organizationId, t.kpiId, t.source, t.periodStart),
  ],
);

export const perspectivesRelations = relations(perspectives, ({ many }) => ({
  objectives: many(strategicObjectives),
}));

export const strategicObjectivesRelations = relations(strategicObjectives, ({ one, many }) => ({
  perspective: one(perspectives, { fields: [strategicObjectives.perspectiveId], references: [perspectives.id] }),
  owner: one(users, { fields: [strategicObjectives.ownerId], references: [users.id] }),
  kpis: many(kpis),
}));

export const kpisRelations = relations(kpis, ({ one, many }) => ({
  owner: one(users, { fields: [kpis.ownerId], references: [users.id] }),
  strategicObjective: one(strategicObjectives, {
    fields: [kpis.strategicObjectiveId],
    references: [strategicObjectives.id],
  }),
  actuals: many(kpiActuals),
  targets: many(kpiTargets),
  benchmarks: many(kpiBenchmarks),
}));

export const kpiActualsRelations = relations(kpiActuals, ({ one }) => ({
  kpi: one(kpis, { fields: [kpiActuals.kpiId], references: [kpis.id] }),
}));
export const kpiTargetsRelations = relations(kpiTargets, ({ one }) => ({
  kpi: one(kpis, { fields: [kpiTargets.kpiId], references: [kpis.id] }),
}));
export const kpiBenchmarksRelations = relations(kpiBenchmarks, ({ one }) => ({
  kpi: one(kpis, { fields: [kpiBenchmarks.kpiId], references: [kpis.id] }),
}));

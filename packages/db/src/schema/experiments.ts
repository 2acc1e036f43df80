import { EXPERIMENT_DECISIONS, EXPERIMENT_RESULT_SOURCES, EXPERIMENT_STATUSES } from "@meridian/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { createdAt, tenantId, updatedAt, version } from "./columns";
import { keyResults } from "./okr";
import { organizations, users } from "./organizations";
import { kpis } from "./scorecard";
import { teams } from "./teams";

// A/B experiments (ADR 0018). Rates and thresholds are whole basis points (1 % = 100), counts whole numbers.

export const experimentStatusEnum = pgEnum("experiment_status", EXPERIMENT_STATUSES);
export const experimentDecisionEnum = pgEnum("experiment_decision", EXPERIMENT_DECISIONS);
export const experimentResultSourceEnum = pgEnum("experiment_result_source", EXPERIMENT_RESULT_SOURCES);

export const experiments = pgTable(
  "experiments",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    hypothesis: text().notNull().default(""),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    teamId: uuid().notNull(),
    status: experimentStatusEnum().notNull().default("draft"),
    decision: experimentDecisionEnum(),
    decisionReason: text().notNull().default(""),
    startDate: date({ mode: "string" }),
    endDate: date({ mode: "string" }),
    /** The smallest relative uplift worth detecting, in basis points (1000 = +10 %). */
    mdeBp: integer().notNull(),
    alphaBp: integer().notNull().default(500),
    powerBp: integer().notNull().default(8000),
    /** The control conversion rate the plan assumes; null plans from the observed control rate. */
    baselineRateBp: integer(),
    keyResultId: uuid(),
    kpiId: uuid(),
    /** The campaign the experiment serves (a landing page or an email tested within it). */
    campaignId: uuid(),
    concludedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "experiments_team_id_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }).onDelete("restrict"),
    foreignKey({
      name: "experiments_key_result_id_fk",
      columns: [t.organizationId, t.keyResultId],
      foreignColumns: [keyResults.organizationId, keyResults.id],
    }).onDelete("set null"),
    foreignKey({
      name: "experiments_kpi_id_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("set null"),
    foreignKey({
      name: "experiments_campaign_id_fk",
      columns: [t.organizationId, t.campaignId],
      foreignColumns: [campaigns.organizationId, campaigns.id],
    }).onDelete("set null"),
    // A campaign's page lists the experiments serving it.
    index("experiments_org_campaign_idx").on(t.organizationId, t.campaignId),
    // The list's page order (newest first) and its status filter.
    index("experiments_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    index("experiments_org_status_idx").on(t.organizationId, t.status),
    index("experiments_org_team_idx").on(t.organizationId, t.teamId),
    check(
      "experiments_dates_ordered",
      sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`,
    ),
    check("experiments_mde_nonzero", sql`${t.mdeBp} <> 0 and ${t.mdeBp} between -10000 and 100000`),
    check("experiments_alpha_range", sql`${t.alphaBp} between 1 and 5000`),
    check("experiments_power_range", sql`${t.powerBp} between 5000 and 9999`),
    check("experiments_baseline_range", sql`${t.baselineRateBp} is null or ${t.baselineRateBp} between 1 and 9999`),
    check("experiments_decision_when_concluded", sql`(${t.status} = 'concluded') = (${t.decision} is not null)`),
  ],
);

/** A control or a treatment, with its planned share of traffic (a relative weight). */
export const experimentVariants = pgTable(
  "experiment_variants",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    experimentId: uuid().notNull(),
    name: text().notNull(),
    isControl: boolean().notNull().default(false),
    weight: integer().notNull().default(1),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "experiment_variants_experiment_id_fk",
      columns: [t.organizationId, t.experimentId],
      foreignColumns: [experiments.organizationId, experiments.id],
    }).onDelete("cascade"),
    // Lets results reference a variant of their own experiment only.
    unique("experiment_variants_experiment_key").on(t.organizationId, t.experimentId, t.id),
    uniqueIndex("experiment_variants_name_key").on(t.organizationId, t.experimentId, sql`lower(${t.name})`),
    uniqueIndex("experiment_variants_one_control").on(t.organizationId, t.experimentId).where(sql`${t.isControl}`),
    check("experiment_variants_weight_positive", sql`${t.weight} between 1 and 10000`),
  ],
);

/** What is counted: the primary metric (conversions over exposures) and optional secondary ones. */
export const experimentMetrics = pgTable(
  "experiment_metrics",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    experimentId: uuid().notNull(),
    name: text().notNull(),
    isPrimary: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "experiment_metrics_experiment_id_fk",
      columns: [t.organizationId, t.experimentId],
      foreignColumns: [experiments.organizationId, experiments.id],
    }).onDelete("cascade"),
    unique("experiment_metrics_experiment_key").on(t.organizationId, t.experimentId, t.id),
    uniqueIndex("experiment_metrics_name_key").on(t.organizationId, t.experimentId, sql`lower(${t.name})`),
    uniqueIndex("experiment_metrics_one_primary").on(t.organizationId, t.experimentId).where(sql`${t.isPrimary}`),
  ],
);

/**
 * One day's exposures and conversions of one variant on one metric. Entering,
 * importing or pushing the same day again replaces it: repeats add nothing.
 */
export const experimentResults = pgTable(
  "experiment_results",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    experimentId: uuid().notNull(),
    variantId: uuid().notNull(),
    metricId: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    exposures: integer().notNull(),
    conversions: integer().notNull(),
    source: experimentResultSourceEnum().notNull().default("manual"),
    /** Null when pushed through the ingestion API with a token. */
    updatedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({
      name: "experiment_results_pk",
      columns: [t.organizationId, t.experimentId, t.variantId, t.metricId, t.day],
    }),
    foreignKey({
      name: "experiment_results_variant_fk",
      columns: [t.organizationId, t.experimentId, t.variantId],
      foreignColumns: [experimentVariants.organizationId, experimentVariants.experimentId, experimentVariants.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "experiment_results_metric_fk",
      columns: [t.organizationId, t.experimentId, t.metricId],
      foreignColumns: [experimentMetrics.organizationId, experimentMetrics.experimentId, experimentMetrics.id],
    }).onDelete("cascade"),
    check(
      "experiment_results_counts",
      sql`${t.exposures} >= 0 and ${t.conversions} >= 0 and ${t.conversions} <= ${t.exposures}`,
    ),
  ],
);

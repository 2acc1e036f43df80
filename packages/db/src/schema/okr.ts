import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, tenantId, updatedAt, version } from "./columns";
import {
  cycleStatusEnum,
  keyResultTypeEnum,
  keyResultUnitEnum,
  objectiveLevelEnum,
  objectiveStatusEnum,
  progressSourceEnum,
  visibilityEnum,
} from "./enums";
import { organizations, users } from "./organizations";
import { strategicObjectives } from "./scorecard";
import { teams } from "./teams";

/** A planning period, usually a quarter; dates are inclusive. */
export const cycles = pgTable(
  "cycles",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    status: cycleStatusEnum().notNull().default("planning"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("cycles_org_starts_idx").on(t.organizationId, t.startsOn),
    check("cycles_dates_ordered", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const objectives = pgTable(
  "objectives",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    cycleId: uuid().notNull(),
    level: objectiveLevelEnum().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    teamId: uuid(),
    /** Alignment: the objective this one contributes to. */
    parentId: uuid(),
    status: objectiveStatusEnum().notNull().default("draft"),
    visibility: visibilityEnum().notNull().default("public"),
    progressSource: progressSourceEnum().notNull().default("key_results"),
    /** The strategic objective of the scorecard this quarter's work contributes to. */
    strategicObjectiveId: uuid(),
    weight: doublePrecision().notNull().default(1),
    /** The objective this one was carried over from, in an earlier cycle. */
    carriedFromId: uuid(),
    /**
     * The rolled-up progress, kept by every write that changes it (see ADR 0012),
     * so that a page reads it with its rows instead of walking the whole cycle.
     * Drafts and archived objectives hold 0 / no data: they roll up nothing.
     */
    progress: doublePrecision().notNull().default(0),
    progressHasData: boolean().notNull().default(false),
    /** False while there is nothing to measure (no key results, no aligned objectives feeding it). */
    progressMeasurable: boolean().notNull().default(false),
    /** The lowest confidence of the latest check-ins of its own active key results. */
    lowestConfidence: smallint(),
    keyResultCount: integer().notNull().default(0),
    /** True until the rollup is computed: rows from before it was stored, bulk loads and inserts not yet refreshed. */
    progressStale: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // Nullable references set only their own column null: organization_id stays (ADR 0013).
    foreignKey({
      name: "objectives_cycle_id_fk",
      columns: [t.organizationId, t.cycleId],
      foreignColumns: [cycles.organizationId, cycles.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "objectives_team_id_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }).onDelete("set null"),
    foreignKey({
      name: "objectives_parent_id_fk",
      columns: [t.organizationId, t.parentId],
      foreignColumns: [t.organizationId, t.id],
    }).onDelete("set null"),
    foreignKey({
      name: "objectives_strategic_objective_id_fk",
      columns: [t.organizationId, t.strategicObjectiveId],
      foreignColumns: [strategicObjectives.organizationId, strategicObjectives.id],
    }).onDelete("set null"),
    foreignKey({
      name: "objectives_carried_from_id_fk",
      columns: [t.organizationId, t.carriedFromId],
      foreignColumns: [t.organizationId, t.id],
    }).onDelete("set null"),
    // A cycle's objectives in page order (level, then oldest first): lists and dashboard roots
    // walk it and stop after a page instead of sorting the cycle.
    index("objectives_org_cycle_order_idx").on(t.organizationId, t.cycleId, t.level, t.createdAt, t.id),
    index("objectives_org_parent_idx").on(t.organizationId, t.parentId),
    index("objectives_org_owner_idx").on(t.organizationId, t.ownerId),
    index("objectives_org_team_idx").on(t.organizationId, t.teamId),
    // Leads with the column: removing a strategic objective sets it null by this index.
    index("objectives_strategic_objective_idx").on(t.strategicObjectiveId),
    check("objectives_weight_positive", sql`${t.weight} >= 0`),
  ],
);

export const keyResults = pgTable(
  "key_results",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    objectiveId: uuid().notNull(),
    title: text().notNull(),
    type: keyResultTypeEnum().notNull(),
    startValue: doublePrecision().notNull().default(0),
    targetValue: doublePrecision().notNull(),
    /** Latest checked-in value and confidence, kept with each check-in so lists need no extra query. */
    currentValue: doublePrecision(),
    currentConfidence: smallint(),
    lastCheckInAt: timestamp({ withTimezone: true }),
    unit: keyResultUnitEnum().notNull().default("number"),
    /** Label for a custom unit, or the currency code for a currency unit. */
    unitLabel: text().notNull().default(""),
    weight: doublePrecision().notNull().default(1),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    /** The owner's grade at close, overriding the suggested one; null keeps the suggestion. */
    gradeOverride: doublePrecision(),
    gradeReason: text().notNull().default(""),
    /** The key result this one was carried over from, in an earlier cycle. */
    carriedFromId: uuid(),
    archivedAt: timestamp({ withTimezone: true }),
    /** Where it stands among its objective's key results: the order they were written in (0 first). */
    position: integer().notNull().default(0),
    /** clock_timestamp(): key results inserted in one statement still get their order. */
    createdAt: timestamp({ withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "key_results_objective_id_fk",
      columns: [t.organizationId, t.objectiveId],
      foreignColumns: [objectives.organizationId, objectives.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "key_results_carried_from_id_fk",
      columns: [t.organizationId, t.carriedFromId],
      foreignColumns: [t.organizationId, t.id],
    }).onDelete("set null"),
    index("key_results_org_objective_idx").on(t.organizationId, t.objectiveId),
    index("key_results_org_owner_idx").on(t.organizationId, t.ownerId),
    check("key_results_weight_positive", sql`${t.weight} >= 0`),
  ],
);

export const checkIns = pgTable(
  "check_ins",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    keyResultId: uuid().notNull(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    value: doublePrecision().notNull(),
    confidence: smallint().notNull(),
    comment: text().notNull().default(""),
    /** Client-generated per submission: repeating a request adds nothing. */
    idempotencyKey: uuid().notNull(),
    /**
     * The check-in's place in its key result's history (1, 2, 3…), numbered while
     * the key result's row is locked: the key result's current value follows the
     * same order, so the newest check-in is the one with the highest `seq`
     * (max + 1 of those remaining: a removed newest one's number comes back).
     * `created_at` is the transaction's start and can disagree with it under
     * concurrent check-ins.
     */
    seq: integer().notNull(),
    createdAt: createdAt(),
    /** Set when the author corrects the check-in; the activity log keeps the earlier value. */
    editedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "check_ins_key_result_id_fk",
      columns: [t.organizationId, t.keyResultId],
      foreignColumns: [keyResults.organizationId, keyResults.id],
    }).onDelete("cascade"),
    // A key result's history in order, and its newest check-in, in one probe.
    uniqueIndex("check_ins_org_kr_seq_key").on(t.organizationId, t.keyResultId, t.seq),
    uniqueIndex("check_ins_author_idempotency_key").on(t.organizationId, t.authorId, t.idempotencyKey),
    check("check_ins_confidence_range", sql`${t.confidence} between 0 and 10`),
  ],
);

export const cyclesRelations = relations(cycles, ({ many }) => ({
  objectives: many(objectives),
}));

export const objectivesRelations = relations(objectives, ({ one, many }) => ({
  cycle: one(cycles, { fields: [objectives.cycleId], references: [cycles.id] }),
  owner: one(users, { fields: [objectives.ownerId], references: [users.id] }),
  team: one(teams, { fields: [objectives.teamId], references: [teams.id] }),
  parent: one(objectives, { fields: [objectives.parentId], references: [objectives.id], relationName: "alignment" }),
  children: many(objectives, { relationName: "alignment" }),
  keyResults: many(keyResults),
}));

export const keyResultsRelations = relations(keyResults, ({ one, many }) => ({
  objective: one(objectives, { fields: [keyResults.objectiveId], references: [objectives.id] }),
  owner: one(users, { fields: [keyResults.ownerId], references: [users.id] }),
  checkIns: many(checkIns),
}));

export const checkInsRelations = relations(checkIns, ({ one }) => ({
  keyResult: one(keyResults, { fields: [checkIns.keyResultId], references: [keyResults.id] }),
  author: one(users, { fields: [checkIns.authorId], references: [users.id] }),
}));

/** Discussion on an objective or one of its key results. */
export const comments = pgTable(
  "comments",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    objectiveId: uuid().notNull(),
    /** Set when the comment is about one key result of the objective. */
    keyResultId: uuid(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "comments_objective_id_fk",
      columns: [t.organizationId, t.objectiveId],
      foreignColumns: [objectives.organizationId, objectives.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "comments_key_result_id_fk",
      columns: [t.organizationId, t.keyResultId],
      foreignColumns: [keyResults.organizationId, keyResults.id],
    }).onDelete("cascade"),
    index("comments_org_objective_created_idx").on(t.organizationId, t.objectiveId, t.createdAt),
  ],
);

export const commentsRelations = relations(comments, ({ one }) => ({
  objective: one(objectives, { fields: [comments.objectiveId], references: [objectives.id] }),
  keyResult: one(keyResults, { fields: [comments.keyResultId], references: [keyResults.id] }),
  author: one(users, { fields: [comments.authorId], references: [users.id] }),
}));

import { relations, sql } from "drizzle-orm";
import {
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, tenantId, updatedAt, version } from "./columns";
import { actionStatusEnum, reviewStatusEnum, reviewSubjectTypeEnum } from "./enums";
import { cycles } from "./okr";
import { organizations, users } from "./organizations";
import { teams } from "./teams";

/**
 * The quarterly review of a cycle, for the organization or one team. `snapshot`
 * holds every score, actual and OKR progress as they were when it opened; after
 * finalizing, nothing of the review changes again.
 */
export const reviews = pgTable(
  "reviews",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    cycleId: uuid().notNull(),
    /** Null: the whole organization. */
    teamId: uuid(),
    title: text().notNull(),
    status: reviewStatusEnum().notNull().default("open"),
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    /** The corrective actions as they stood at finalizing, kept with the frozen review. */
    finalActions: jsonb().$type<Record<string, unknown>[]>(),
    openedById: uuid()
      .notNull()
      .references(() => users.id),
    openedAt: createdAt(),
    finalizedById: uuid().references(() => users.id),
    finalizedAt: timestamp({ withTimezone: true }),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "reviews_cycle_id_fk",
      columns: [t.organizationId, t.cycleId],
      foreignColumns: [cycles.organizationId, cycles.id],
    }).onDelete("restrict"),
    foreignKey({
      name: "reviews_team_id_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }).onDelete("restrict"),
    // One review per cycle and scope; the all-zero uuid stands for "the whole organization".
    uniqueIndex("reviews_cycle_scope_key").on(
      t.organizationId,
      t.cycleId,
      sql`coalesce(${t.teamId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

/** A reviewer's commentary on one perspective, strategic objective or KPI of a review: one per subject, edited in place. */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    reviewId: uuid().notNull(),
    subjectType: reviewSubjectTypeEnum().notNull(),
    subjectId: uuid().notNull(),
    body: text().notNull(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "review_comments_review_id_fk",
      columns: [t.organizationId, t.reviewId],
      foreignColumns: [reviews.organizationId, reviews.id],
    }).onDelete("cascade"),
    uniqueIndex("review_comments_subject_key").on(t.organizationId, t.reviewId, t.subjectType, t.subjectId),
  ],
);

/** A corrective action agreed in a review; it stays open, into later quarters, until it is done. */
export const correctiveActions = pgTable(
  "corrective_actions",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    reviewId: uuid().notNull(),
    subjectType: reviewSubjectTypeEnum().notNull(),
    subjectId: uuid().notNull(),
    title: text().notNull(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    dueOn: date({ mode: "string" }).notNull(),
    status: actionStatusEnum().notNull().default("open"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "corrective_actions_review_id_fk",
      columns: [t.organizationId, t.reviewId],
      foreignColumns: [reviews.organizationId, reviews.id],
    }).onDelete("cascade"),
    index("corrective_actions_org_review_idx").on(t.organizationId, t.reviewId),
    index("corrective_actions_org_status_idx").on(t.organizationId, t.status),
  ],
);

export const reviewsRelations = relations(reviews, ({ one, many }) => ({
  cycle: one(cycles, { fields: [reviews.cycleId], references: [cycles.id] }),
  team: one(teams, { fields: [reviews.teamId], references: [teams.id] }),
  comments: many(reviewComments),
  actions: many(correctiveActions),
}));
export const reviewCommentsRelations = relations(reviewComments, ({ one }) => ({
  review: one(reviews, { fields: [reviewComments.reviewId], references: [reviews.id] }),
  author: one(users, { fields: [reviewComments.authorId], references: [users.id] }),
}));
export const correctiveActionsRelations = relations(correctiveActions, ({ one }) => ({
  review: one(reviews, { fields: [correctiveActions.reviewId], references: [reviews.id] }),
  owner: one(users, { fields: [correctiveActions.ownerId], references: [users.id] }),
}));

-- Tenant keys ready for Citus (ADR 0013): every tenant table's primary key is
-- (organization_id, id), its unique indexes lead with organization_id, and the
-- foreign keys between tenant tables carry organization_id on both sides, so the
-- database refuses a row that points into another organization. Hand-ordered
-- from drizzle-kit's output: drop the dependent foreign keys, the unique indexes
-- and the old primary keys, then add the new primary keys, unique indexes and
-- foreign keys. A nullable reference sets only its own column null
-- (ON DELETE SET NULL (col), PostgreSQL 15+): organization_id is never nulled.
ALTER TABLE "check_ins" DROP CONSTRAINT "check_ins_key_result_id_key_results_id_fk";--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "comments_objective_id_objectives_id_fk";--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "comments_key_result_id_key_results_id_fk";--> statement-breakpoint
ALTER TABLE "key_results" DROP CONSTRAINT "key_results_objective_id_objectives_id_fk";--> statement-breakpoint
ALTER TABLE "key_results" DROP CONSTRAINT "key_results_carried_from_id_key_results_id_fk";--> statement-breakpoint
ALTER TABLE "objectives" DROP CONSTRAINT "objectives_cycle_id_cycles_id_fk";--> statement-breakpoint
ALTER TABLE "objectives" DROP CONSTRAINT "objectives_team_id_teams_id_fk";--> statement-breakpoint
ALTER TABLE "objectives" DROP CONSTRAINT "objectives_parent_id_objectives_id_fk";--> statement-breakpoint
ALTER TABLE "objectives" DROP CONSTRAINT "objectives_strategic_objective_id_strategic_objectives_id_fk";--> statement-breakpoint
ALTER TABLE "objectives" DROP CONSTRAINT "objectives_carried_from_id_objectives_id_fk";--> statement-breakpoint
ALTER TABLE "corrective_actions" DROP CONSTRAINT "corrective_actions_review_id_reviews_id_fk";--> statement-breakpoint
ALTER TABLE "review_comments" DROP CONSTRAINT "review_comments_review_id_reviews_id_fk";--> statement-breakpoint
ALTER TABLE "reviews" DROP CONSTRAINT "reviews_cycle_id_cycles_id_fk";--> statement-breakpoint
ALTER TABLE "reviews" DROP CONSTRAINT "reviews_team_id_teams_id_fk";--> statement-breakpoint
ALTER TABLE "kpi_actuals" DROP CONSTRAINT "kpi_actuals_kpi_id_kpis_id_fk";--> statement-breakpoint
ALTER TABLE "kpi_benchmarks" DROP CONSTRAINT "kpi_benchmarks_kpi_id_kpis_id_fk";--> statement-breakpoint
ALTER TABLE "kpi_targets" DROP CONSTRAINT "kpi_targets_kpi_id_kpis_id_fk";--> statement-breakpoint
ALTER TABLE "kpis" DROP CONSTRAINT "kpis_strategic_objective_id_strategic_objectives_id_fk";--> statement-breakpoint
ALTER TABLE "kpis" DROP CONSTRAINT "kpis_input_a_id_kpis_id_fk";--> statement-breakpoint
ALTER TABLE "kpis" DROP CONSTRAINT "kpis_input_b_id_kpis_id_fk";--> statement-breakpoint
ALTER TABLE "strategic_objectives" DROP CONSTRAINT "strategic_objectives_perspective_id_perspectives_id_fk";--> statement-breakpoint
ALTER TABLE "strategy_links" DROP CONSTRAINT "strategy_links_cause_id_strategic_objectives_id_fk";--> statement-breakpoint
ALTER TABLE "strategy_links" DROP CONSTRAINT "strategy_links_effect_id_strategic_objectives_id_fk";--> statement-breakpoint
ALTER TABLE "team_members" DROP CONSTRAINT "team_members_team_id_teams_id_fk";--> statement-breakpoint
ALTER TABLE "teams" DROP CONSTRAINT "teams_parent_id_teams_id_fk";--> statement-breakpoint
DROP INDEX "api_tokens_hash_key";--> statement-breakpoint
DROP INDEX "check_ins_author_idempotency_key";--> statement-breakpoint
ALTER TABLE "activity_log" DROP CONSTRAINT "activity_log_pkey";--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_pkey";--> statement-breakpoint
ALTER TABLE "check_ins" DROP CONSTRAINT "check_ins_pkey";--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "comments_pkey";--> statement-breakpoint
ALTER TABLE "cycles" DROP CONSTRAINT "cycles_pkey";--> statement-breakpoint
ALTER TABLE "key_results" DROP CONSTRAINT "key_results_pkey";--> statement-breakpoint
ALTER TABLE "objectives" DROP CONSTRAINT "objectives_pkey";--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey";--> statement-breakpoint
ALTER TABLE "corrective_actions" DROP CONSTRAINT "corrective_actions_pkey";--> statement-breakpoint
ALTER TABLE "review_comments" DROP CONSTRAINT "review_comments_pkey";--> statement-breakpoint
ALTER TABLE "reviews" DROP CONSTRAINT "reviews_pkey";--> statement-breakpoint
ALTER TABLE "kpi_actuals" DROP CONSTRAINT "kpi_actuals_pkey";--> statement-breakpoint
ALTER TABLE "kpi_benchmarks" DROP CONSTRAINT "kpi_benchmarks_pkey";--> statement-breakpoint
ALTER TABLE "kpi_targets" DROP CONSTRAINT "kpi_targets_pkey";--> statement-breakpoint
ALTER TABLE "kpis" DROP CONSTRAINT "kpis_pkey";--> statement-breakpoint
ALTER TABLE "perspectives" DROP CONSTRAINT "perspectives_pkey";--> statement-breakpoint
ALTER TABLE "strategic_objectives" DROP CONSTRAINT "strategic_objectives_pkey";--> statement-breakpoint
ALTER TABLE "strategy_links" DROP CONSTRAINT "strategy_links_pkey";--> statement-breakpoint
ALTER TABLE "teams" DROP CONSTRAINT "teams_pkey";--> statement-breakpoint
ALTER TABLE "team_members" DROP CONSTRAINT "team_members_team_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "activity_log" ADD CONSTRAINT "activity_log_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "kpi_actuals" ADD CONSTRAINT "kpi_actuals_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "kpi_benchmarks" ADD CONSTRAINT "kpi_benchmarks_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "perspectives" ADD CONSTRAINT "perspectives_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "strategic_objectives" ADD CONSTRAINT "strategic_objectives_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "strategy_links" ADD CONSTRAINT "strategy_links_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_organization_id_team_id_user_id_pk" PRIMARY KEY("organization_id","team_id","user_id");--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_organization_id_id_pk" PRIMARY KEY("organization_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_org_hash_key" ON "api_tokens" USING btree ("organization_id","token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_hash_idx" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_author_idempotency_key" ON "check_ins" USING btree ("organization_id","author_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_key_result_id_fk" FOREIGN KEY ("organization_id","key_result_id") REFERENCES "public"."key_results"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_objective_id_fk" FOREIGN KEY ("organization_id","objective_id") REFERENCES "public"."objectives"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_key_result_id_fk" FOREIGN KEY ("organization_id","key_result_id") REFERENCES "public"."key_results"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_objective_id_fk" FOREIGN KEY ("organization_id","objective_id") REFERENCES "public"."objectives"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_carried_from_id_fk" FOREIGN KEY ("organization_id","carried_from_id") REFERENCES "public"."key_results"("organization_id","id") ON DELETE SET NULL ("carried_from_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_cycle_id_fk" FOREIGN KEY ("organization_id","cycle_id") REFERENCES "public"."cycles"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_team_id_fk" FOREIGN KEY ("organization_id","team_id") REFERENCES "public"."teams"("organization_id","id") ON DELETE SET NULL ("team_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_parent_id_fk" FOREIGN KEY ("organization_id","parent_id") REFERENCES "public"."objectives"("organization_id","id") ON DELETE SET NULL ("parent_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_strategic_objective_id_fk" FOREIGN KEY ("organization_id","strategic_objective_id") REFERENCES "public"."strategic_objectives"("organization_id","id") ON DELETE SET NULL ("strategic_objective_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_carried_from_id_fk" FOREIGN KEY ("organization_id","carried_from_id") REFERENCES "public"."objectives"("organization_id","id") ON DELETE SET NULL ("carried_from_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_review_id_fk" FOREIGN KEY ("organization_id","review_id") REFERENCES "public"."reviews"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_review_id_fk" FOREIGN KEY ("organization_id","review_id") REFERENCES "public"."reviews"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_cycle_id_fk" FOREIGN KEY ("organization_id","cycle_id") REFERENCES "public"."cycles"("organization_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_team_id_fk" FOREIGN KEY ("organization_id","team_id") REFERENCES "public"."teams"("organization_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_actuals" ADD CONSTRAINT "kpi_actuals_kpi_id_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_benchmarks" ADD CONSTRAINT "kpi_benchmarks_kpi_id_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_kpi_id_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_strategic_objective_id_fk" FOREIGN KEY ("organization_id","strategic_objective_id") REFERENCES "public"."strategic_objectives"("organization_id","id") ON DELETE SET NULL ("strategic_objective_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_input_a_id_fk" FOREIGN KEY ("organization_id","input_a_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_input_b_id_fk" FOREIGN KEY ("organization_id","input_b_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_objectives" ADD CONSTRAINT "strategic_objectives_perspective_id_fk" FOREIGN KEY ("organization_id","perspective_id") REFERENCES "public"."perspectives"("organization_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_links" ADD CONSTRAINT "strategy_links_cause_id_fk" FOREIGN KEY ("organization_id","cause_id") REFERENCES "public"."strategic_objectives"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_links" ADD CONSTRAINT "strategy_links_effect_id_fk" FOREIGN KEY ("organization_id","effect_id") REFERENCES "public"."strategic_objectives"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_fk" FOREIGN KEY ("organization_id","team_id") REFERENCES "public"."teams"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_parent_id_fk" FOREIGN KEY ("organization_id","parent_id") REFERENCES "public"."teams"("organization_id","id") ON DELETE SET NULL ("parent_id") ON UPDATE no action;

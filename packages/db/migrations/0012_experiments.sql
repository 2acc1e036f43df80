-- Hand-edited after generation: the two SET NULL foreign keys name their column (PostgreSQL 15+), so organization_id is never nulled (ADR 0013).
CREATE TYPE "public"."experiment_decision" AS ENUM('ship_winner', 'keep_control', 'inconclusive');--> statement-breakpoint
CREATE TYPE "public"."experiment_result_source" AS ENUM('manual', 'csv', 'api');--> statement-breakpoint
CREATE TYPE "public"."experiment_status" AS ENUM('draft', 'running', 'stopped', 'concluded');--> statement-breakpoint
CREATE TABLE "experiment_metrics" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"experiment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiment_metrics_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "experiment_metrics_experiment_key" UNIQUE("organization_id","experiment_id","id")
);
--> statement-breakpoint
CREATE TABLE "experiment_results" (
	"organization_id" uuid NOT NULL,
	"experiment_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"metric_id" uuid NOT NULL,
	"day" date NOT NULL,
	"exposures" integer NOT NULL,
	"conversions" integer NOT NULL,
	"source" "experiment_result_source" DEFAULT 'manual' NOT NULL,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiment_results_pk" PRIMARY KEY("organization_id","experiment_id","variant_id","metric_id","day"),
	CONSTRAINT "experiment_results_counts" CHECK ("experiment_results"."exposures" >= 0 and "experiment_results"."conversions" >= 0 and "experiment_results"."conversions" <= "experiment_results"."exposures")
);
--> statement-breakpoint
CREATE TABLE "experiment_variants" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"experiment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_control" boolean DEFAULT false NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiment_variants_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "experiment_variants_experiment_key" UNIQUE("organization_id","experiment_id","id"),
	CONSTRAINT "experiment_variants_weight_positive" CHECK ("experiment_variants"."weight" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"hypothesis" text DEFAULT '' NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"status" "experiment_status" DEFAULT 'draft' NOT NULL,
	"decision" "experiment_decision",
	"decision_reason" text DEFAULT '' NOT NULL,
	"start_date" date,
	"end_date" date,
	"mde_bp" integer NOT NULL,
	"alpha_bp" integer DEFAULT 500 NOT NULL,
	"power_bp" integer DEFAULT 8000 NOT NULL,
	"baseline_rate_bp" integer,
	"key_result_id" uuid,
	"kpi_id" uuid,
	"concluded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "experiments_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "experiments_dates_ordered" CHECK ("experiments"."end_date" is null or "experiments"."start_date" is null or "experiments"."end_date" >= "experiments"."start_date"),
	CONSTRAINT "experiments_mde_nonzero" CHECK ("experiments"."mde_bp" <> 0 and "experiments"."mde_bp" between -10000 and 100000),
	CONSTRAINT "experiments_alpha_range" CHECK ("experiments"."alpha_bp" between 1 and 5000),
	CONSTRAINT "experiments_power_range" CHECK ("experiments"."power_bp" between 5000 and 9999),
	CONSTRAINT "experiments_baseline_range" CHECK ("experiments"."baseline_rate_bp" is null or "experiments"."baseline_rate_bp" between 1 and 9999),
	CONSTRAINT "experiments_decision_when_concluded" CHECK (("experiments"."status" = 'concluded') = ("experiments"."decision" is not null))
);
--> statement-breakpoint
ALTER TABLE "experiment_metrics" ADD CONSTRAINT "experiment_metrics_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_metrics" ADD CONSTRAINT "experiment_metrics_experiment_id_fk" FOREIGN KEY ("organization_id","experiment_id") REFERENCES "public"."experiments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_results" ADD CONSTRAINT "experiment_results_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_results" ADD CONSTRAINT "experiment_results_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_results" ADD CONSTRAINT "experiment_results_variant_fk" FOREIGN KEY ("organization_id","experiment_id","variant_id") REFERENCES "public"."experiment_variants"("organization_id","experiment_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_results" ADD CONSTRAINT "experiment_results_metric_fk" FOREIGN KEY ("organization_id","experiment_id","metric_id") REFERENCES "public"."experiment_metrics"("organization_id","experiment_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_variants" ADD CONSTRAINT "experiment_variants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_variants" ADD CONSTRAINT "experiment_variants_experiment_id_fk" FOREIGN KEY ("organization_id","experiment_id") REFERENCES "public"."experiments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_team_id_fk" FOREIGN KEY ("organization_id","team_id") REFERENCES "public"."teams"("organization_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_key_result_id_fk" FOREIGN KEY ("organization_id","key_result_id") REFERENCES "public"."key_results"("organization_id","id") ON DELETE SET NULL ("key_result_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_kpi_id_fk" FOREIGN KEY ("organization_id","kpi_id") REFERENCES "public"."kpis"("organization_id","id") ON DELETE SET NULL ("kpi_id") ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_metrics_name_key" ON "experiment_metrics" USING btree ("organization_id","experiment_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_metrics_one_primary" ON "experiment_metrics" USING btree ("organization_id","experiment_id") WHERE "experiment_metrics"."is_primary";--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_variants_name_key" ON "experiment_variants" USING btree ("organization_id","experiment_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_variants_one_control" ON "experiment_variants" USING btree ("organization_id","experiment_id") WHERE "experiment_variants"."is_control";--> statement-breakpoint
CREATE INDEX "experiments_org_created_idx" ON "experiments" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "experiments_org_status_idx" ON "experiments" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "experiments_org_team_idx" ON "experiments" USING btree ("organization_id","team_id");
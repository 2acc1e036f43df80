CREATE TYPE "public"."kpi_campaign_measure" AS ENUM('spend', 'revenue', 'conversions');--> statement-breakpoint
ALTER TYPE "public"."kpi_kind" ADD VALUE 'campaigns';--> statement-breakpoint
ALTER TABLE "kpis" DROP CONSTRAINT "kpis_inputs_match_kind";--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "campaign_measure" "kpi_campaign_measure";--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "campaign_channel" "campaign_channel";--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "currency" text;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_campaign_source_match_kind" CHECK (("kpis"."kind" in ('manual', 'ratio', 'roi')) = ("kpis"."campaign_measure" is null) and ("kpis"."campaign_measure" is not null or ("kpis"."campaign_channel" is null and "kpis"."currency" is null)) and ("kpis"."currency" is not null) = ("kpis"."campaign_measure" is not null and "kpis"."campaign_measure" <> 'conversions'));--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_currency_code" CHECK ("kpis"."currency" is null or "kpis"."currency" ~ '^[A-Z]{3}$');--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_inputs_match_kind" CHECK (("kpis"."kind" not in ('ratio', 'roi') and "kpis"."input_a_id" is null and "kpis"."input_b_id" is null) or ("kpis"."kind" in ('ratio', 'roi') and "kpis"."input_a_id" is not null and "kpis"."input_b_id" is not null and "kpis"."input_a_id" <> "kpis"."id" and "kpis"."input_b_id" <> "kpis"."id"));
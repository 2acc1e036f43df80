ALTER TABLE "objectives" ADD COLUMN "progress" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "progress_has_data" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "progress_measurable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "lowest_confidence" smallint;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "key_result_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "progress_stale" boolean DEFAULT true NOT NULL;
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"key_result_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "key_results" ADD COLUMN "grade_override" double precision;--> statement-breakpoint
ALTER TABLE "key_results" ADD COLUMN "grade_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "key_results" ADD COLUMN "carried_from_id" uuid;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "carried_from_id" uuid;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_key_result_id_key_results_id_fk" FOREIGN KEY ("key_result_id") REFERENCES "public"."key_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_org_objective_created_idx" ON "comments" USING btree ("organization_id","objective_id","created_at");--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_carried_from_id_key_results_id_fk" FOREIGN KEY ("carried_from_id") REFERENCES "public"."key_results"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_carried_from_id_objectives_id_fk" FOREIGN KEY ("carried_from_id") REFERENCES "public"."objectives"("id") ON DELETE set null ON UPDATE no action;
-- Hand-edited after generation: the SET NULL foreign key names its column (PostgreSQL 15+), so organization_id is never nulled (ADR 0013).
ALTER TABLE "experiments" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_campaign_id_fk" FOREIGN KEY ("organization_id","campaign_id") REFERENCES "public"."campaigns"("organization_id","id") ON DELETE SET NULL ("campaign_id") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiments_org_campaign_idx" ON "experiments" USING btree ("organization_id","campaign_id");
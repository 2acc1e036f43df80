DROP INDEX "objectives_org_cycle_idx";--> statement-breakpoint
CREATE INDEX "objectives_org_cycle_order_idx" ON "objectives" USING btree ("organization_id","cycle_id","level","created_at","id");--> statement-breakpoint
CREATE INDEX "kpi_actuals_org_period_idx" ON "kpi_actuals" USING btree ("organization_id","period_start");--> statement-breakpoint
CREATE INDEX "kpis_org_name_idx" ON "kpis" USING btree ("organization_id","name","id");
ALTER TABLE "key_results" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill: each objective's key results numbered in the order they were read until now (created_at, id).
UPDATE "key_results" AS k SET "position" = o.n
FROM (
  SELECT "organization_id", "id",
    (row_number() OVER (PARTITION BY "organization_id", "objective_id" ORDER BY "created_at", "id") - 1)::int AS n
  FROM "key_results"
) AS o
WHERE k."organization_id" = o."organization_id" AND k."id" = o."id" AND o.n <> 0;

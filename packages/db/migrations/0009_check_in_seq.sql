-- Check-ins are ordered by a number per key result, assigned under the key result's row lock (the order in
-- which its current value was set), instead of created_at, the transaction's start, which concurrent
-- check-ins can record in another order. Existing histories keep today's order: oldest first by
-- created_at, ties by id.
ALTER TABLE "check_ins" ADD COLUMN "seq" integer;--> statement-breakpoint
UPDATE "check_ins" AS c SET "seq" = n.seq
FROM (
  SELECT "organization_id", "id",
    row_number() OVER (PARTITION BY "organization_id", "key_result_id" ORDER BY "created_at", "id") AS seq
  FROM "check_ins"
) AS n
WHERE c."organization_id" = n."organization_id" AND c."id" = n."id";--> statement-breakpoint
ALTER TABLE "check_ins" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_org_kr_seq_key" ON "check_ins" USING btree ("organization_id","key_result_id","seq");--> statement-breakpoint
DROP INDEX "check_ins_org_kr_created_idx";--> statement-breakpoint
-- A key result that concurrent check-ins left on another value than its newest check-in follows that
-- check-in now; its objective is marked stale, so its rollup is recomputed on start.
WITH newest AS (
  SELECT DISTINCT ON ("organization_id", "key_result_id")
    "organization_id", "key_result_id", "value", "confidence", "created_at"
  FROM "check_ins"
  ORDER BY "organization_id", "key_result_id", "seq" DESC
), repaired AS (
  UPDATE "key_results" AS k
  SET "current_value" = n."value", "current_confidence" = n."confidence", "last_check_in_at" = n."created_at",
    "updated_at" = now(), "version" = k."version" + 1
  FROM newest AS n
  WHERE k."organization_id" = n."organization_id" AND k."id" = n."key_result_id"
    AND (k."current_value" IS DISTINCT FROM n."value" OR k."current_confidence" IS DISTINCT FROM n."confidence"
      OR k."last_check_in_at" IS DISTINCT FROM n."created_at")
  RETURNING k."organization_id", k."objective_id"
)
UPDATE "objectives" AS o SET "progress_stale" = true
FROM repaired AS r
WHERE o."organization_id" = r."organization_id" AND o."id" = r."objective_id";

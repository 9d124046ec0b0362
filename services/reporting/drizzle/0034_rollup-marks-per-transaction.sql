-- Issue 16: a rollup mark per writing transaction (marked_by), so the refresh deletes exactly
-- the marks its snapshot sees and no writer waits on the refresh (packages/rollups/src/refresh.ts).
-- The column comes before the key that names it (drizzle-kit wrote them the other way round).
ALTER TABLE "reporting"."rollup_marks" DROP CONSTRAINT "rollup_marks_tenant_id_month_pk";--> statement-breakpoint
ALTER TABLE "reporting"."rollup_marks" ADD COLUMN "marked_by" bigint DEFAULT (pg_current_xact_id()::text::bigint) NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting"."rollup_marks" ADD CONSTRAINT "rollup_marks_tenant_id_month_marked_by_pk" PRIMARY KEY("tenant_id","month","marked_by");

CREATE TABLE "roster"."rollup_marks" (
	"tenant_id" text NOT NULL,
	"month" text NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollup_marks_tenant_id_month_pk" PRIMARY KEY("tenant_id","month")
);
--> statement-breakpoint
ALTER TABLE "roster"."rollup_marks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."rollup_months" (
	"tenant_id" text NOT NULL,
	"month" text NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rollup_months_tenant_id_month_pk" PRIMARY KEY("tenant_id","month")
);
--> statement-breakpoint
ALTER TABLE "roster"."rollup_months" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."rollups" (
	"tenant_id" text NOT NULL,
	"month" text NOT NULL,
	"org_id" uuid NOT NULL,
	"parent_id" uuid,
	"org_path" text NOT NULL,
	"figure" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "rollups_tenant_id_org_id_month_figure_pk" PRIMARY KEY("tenant_id","org_id","month","figure")
);
--> statement-breakpoint
ALTER TABLE "roster"."rollups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "rollups_children" ON "roster"."rollups" USING btree ("tenant_id","parent_id","month");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."rollup_marks" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "mark_insert" ON "roster"."rollup_marks" AS PERMISSIVE FOR INSERT TO public WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "mark_read" ON "roster"."rollup_marks" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."rollup_months" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "months_read" ON "roster"."rollup_months" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."rollups" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "rollup_scope" ON "roster"."rollups" AS PERMISSIVE FOR SELECT TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "roster"."rollups"."org_path") > 0));--> statement-breakpoint
ALTER TABLE "roster"."rollups" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."rollup_marks" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."rollup_months" FORCE ROW LEVEL SECURITY;
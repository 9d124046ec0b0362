CREATE TABLE "tasks"."city_grants" (
	"tenant_id" text NOT NULL,
	"city_id" text NOT NULL,
	"standing" boolean NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "city_grants_tenant_id_city_id_pk" PRIMARY KEY("tenant_id","city_id")
);
--> statement-breakpoint
ALTER TABLE "tasks"."city_grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP POLICY "tenant_isolation" ON "tasks"."rollup_months" CASCADE;--> statement-breakpoint
DROP POLICY "tenant_isolation" ON "tasks"."rollups" CASCADE;--> statement-breakpoint
CREATE POLICY "rollup_city" ON "tasks"."rollups" AS PERMISSIVE FOR SELECT TO public USING (((select current_setting('app.tenant_wide', true) = 'on') and tenant_id in (select g.tenant_id from "tasks"."city_grants" g where g.city_id = (select nullif(current_setting('app.tenant_id', true), '')) and g.standing)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tasks"."city_grants" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "city_reads_its_grants" ON "tasks"."city_grants" AS PERMISSIVE FOR SELECT TO public USING ("tasks"."city_grants"."city_id" = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "city_grants_written_tenant_wide" ON "tasks"."city_grants" AS RESTRICTIVE FOR INSERT TO public WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "city_grants_updated_tenant_wide" ON "tasks"."city_grants" AS RESTRICTIVE FOR UPDATE TO public USING ((select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "city_grants_deleted_tenant_wide" ON "tasks"."city_grants" AS RESTRICTIVE FOR DELETE TO public USING ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
ALTER POLICY "months_read" ON "tasks"."rollup_months" TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or ((select current_setting('app.tenant_wide', true) = 'on') and tenant_id in (select g.tenant_id from "tasks"."city_grants" g where g.city_id = (select nullif(current_setting('app.tenant_id', true), '')) and g.standing)));--> statement-breakpoint
ALTER POLICY "rollup_scope" ON "tasks"."rollups" TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "tasks"."rollups"."org_path") > 0)));--> statement-breakpoint
ALTER TABLE "tasks"."city_grants" FORCE ROW LEVEL SECURITY;
CREATE TABLE "roster"."seats" (
	"tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "seats_tenant_id_user_id_org_id_pk" PRIMARY KEY("tenant_id","user_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "roster"."seats" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "seats_org" ON "roster"."seats" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."seats" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "seats_written_tenant_wide" ON "roster"."seats" AS RESTRICTIVE FOR INSERT TO public WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "seats_updated_tenant_wide" ON "roster"."seats" AS RESTRICTIVE FOR UPDATE TO public USING ((select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "seats_deleted_tenant_wide" ON "roster"."seats" AS RESTRICTIVE FOR DELETE TO public USING ((select current_setting('app.tenant_wide', true) = 'on'));
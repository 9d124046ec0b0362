CREATE TABLE "reporting"."checkin_settings" (
	"tenant_id" text NOT NULL,
	"grant_fields" text[] NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkin_settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."checkin_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."checkin_settings" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "checkin_settings_read" ON "reporting"."checkin_settings" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "checkin_settings_insert" ON "reporting"."checkin_settings" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "checkin_settings_update" ON "reporting"."checkin_settings" AS PERMISSIVE FOR UPDATE TO public USING ((select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));
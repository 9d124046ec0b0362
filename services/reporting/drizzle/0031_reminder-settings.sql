CREATE TABLE "reporting"."reminder_settings" (
	"tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"reminders" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_settings_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."reminder_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."reminder_settings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."reminder_settings" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "reminder_settings_own" ON "reporting"."reminder_settings" AS PERMISSIVE FOR ALL TO public USING ("reporting"."reminder_settings"."user_id" = (select nullif(current_setting('app.user_id', true), ''))) WITH CHECK ("reporting"."reminder_settings"."user_id" = (select nullif(current_setting('app.user_id', true), '')));--> statement-breakpoint
CREATE POLICY "reminder_settings_job" ON "reporting"."reminder_settings" AS PERMISSIVE FOR SELECT TO public USING ((select current_setting('app.tenant_wide', true) = 'on'));
CREATE TABLE "reporting"."org_directory" (
	"tenant_id" text NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"path" text NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "org_directory_tenant_id_org_id_pk" PRIMARY KEY("tenant_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."org_directory" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "org_directory_read" ON "reporting"."org_directory" AS PERMISSIVE FOR SELECT TO public USING ((select nullif(current_setting('app.tenant_id', true), '')) is not null);--> statement-breakpoint
CREATE POLICY "org_directory_insert" ON "reporting"."org_directory" AS PERMISSIVE FOR INSERT TO public WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "org_directory_update" ON "reporting"."org_directory" AS PERMISSIVE FOR UPDATE TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));
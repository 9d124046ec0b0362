CREATE TABLE "reporting"."closed_orgs" (
	"tenant_id" text NOT NULL,
	"org_id" uuid NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "closed_orgs_tenant_id_org_id_pk" PRIMARY KEY("tenant_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."closed_orgs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "closed_orgs_read" ON "reporting"."closed_orgs" AS PERMISSIVE FOR SELECT TO public USING ((select nullif(current_setting('app.tenant_id', true), '')) is not null);--> statement-breakpoint
CREATE POLICY "closed_orgs_write" ON "reporting"."closed_orgs" AS PERMISSIVE FOR INSERT TO public WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));
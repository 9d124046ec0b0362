CREATE TABLE "roster"."ledger_grants" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"checkin_id" uuid NOT NULL,
	"grantee_tenant_id" text NOT NULL,
	"grantee_org_id" uuid NOT NULL,
	"grantee_org_path" text NOT NULL,
	"fields" text[] NOT NULL,
	"data" jsonb NOT NULL,
	"granted_by" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_by" text,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "ledger_grants_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."ledger_grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."org_directory" ADD COLUMN "path" text;--> statement-breakpoint
ALTER TABLE "roster"."ledger_grants" ADD CONSTRAINT "ledger_grants_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_grants_checkin" ON "roster"."ledger_grants" USING btree ("tenant_id","checkin_id");--> statement-breakpoint
CREATE INDEX "ledger_grants_grantee" ON "roster"."ledger_grants" USING btree ("grantee_tenant_id","grantee_org_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE POLICY "grant_tenants" ON "roster"."ledger_grants" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or grantee_tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "grant_read" ON "roster"."ledger_grants" AS PERMISSIVE FOR SELECT TO public USING ((tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from roster.members m where m.tenant_id = "roster"."ledger_grants"."tenant_id" and m.id = "roster"."ledger_grants"."member_id")))
          or (grantee_tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and revoked_at is null and ((select current_setting('app.tenant_wide', true) = 'on') or string_to_array(trim(both '/' from "roster"."ledger_grants"."grantee_org_path"), '/') && (select string_to_array(nullif(current_setting('app.org_ids', true), ''), ',')))));--> statement-breakpoint
CREATE POLICY "grant_write" ON "roster"."ledger_grants" AS PERMISSIVE FOR INSERT TO public WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "grant_update" ON "roster"."ledger_grants" AS PERMISSIVE FOR UPDATE TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));
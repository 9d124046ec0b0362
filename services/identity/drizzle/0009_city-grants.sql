ALTER TYPE "identity"."audit_kind" ADD VALUE 'city_grant_given';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'city_grant_revoked';--> statement-breakpoint
CREATE TABLE "identity"."city_grants" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"city_id" text NOT NULL,
	"given_by" uuid NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "city_grants_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "identity"."city_grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."city_grants" ADD CONSTRAINT "city_grants_given_by_fk" FOREIGN KEY ("tenant_id","given_by") REFERENCES "identity"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "city_grants_standing" ON "identity"."city_grants" USING btree ("tenant_id","city_id") WHERE "identity"."city_grants"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "city_grants_history" ON "identity"."city_grants" USING btree ("tenant_id","given_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "identity"."city_grants" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_reads" ON "identity"."city_grants" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "guarded_inserts" ON "identity"."city_grants" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "guarded_updates" ON "identity"."city_grants" AS PERMISSIVE FOR UPDATE TO public USING ((select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "guarded_deletes" ON "identity"."city_grants" AS PERMISSIVE FOR DELETE TO public USING ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
ALTER TABLE "identity"."city_grants" FORCE ROW LEVEL SECURITY;
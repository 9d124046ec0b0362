CREATE TABLE "reporting"."seat_contacts" (
	"tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	CONSTRAINT "seat_contacts_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."seat_contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."seat_contacts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."certificates" (
	"tenant_id" text NOT NULL,
	"certificate_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"number" text NOT NULL,
	"valid_until" date NOT NULL,
	"status" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certificates_tenant_id_certificate_id_pk" PRIMARY KEY("tenant_id","certificate_id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."certificates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."certificates" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."checkin_links" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"checkin_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"org_path" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"idempotency_key" text,
	CONSTRAINT "checkin_links_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."checkin_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."checkin_links" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."throttles" (
	"tenant_id" text NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "throttles_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
ALTER TABLE "reporting"."throttles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."throttles" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ALTER COLUMN "dest_tenant_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ALTER COLUMN "dest_org_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ALTER COLUMN "dest_org_path" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ADD COLUMN "outside_city" text;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ADD COLUMN "outside_contact_name" text;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ADD COLUMN "outside_contact_phone" text;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ADD COLUMN "decline_code" text;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ADD COLUMN "certificate_id" uuid;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ADD COLUMN "certificate_number" text;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ADD COLUMN "certificate_valid_until" date;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ADD COLUMN "certificate_status" text;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ADD COLUMN "home_contacts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "certificates_member" ON "reporting"."certificates" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_links_token" ON "reporting"."checkin_links" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_links_idempotency" ON "reporting"."checkin_links" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_links_live" ON "reporting"."checkin_links" USING btree ("tenant_id","checkin_id") WHERE used_at is null and revoked_at is null;--> statement-breakpoint
CREATE INDEX "checkins_certificate" ON "reporting"."checkins" USING btree ("tenant_id","certificate_id");--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ADD CONSTRAINT "checkins_destination" CHECK (("reporting"."checkins"."dest_tenant_id" is not null and "reporting"."checkins"."dest_org_id" is not null and "reporting"."checkins"."dest_org_path" is not null and "reporting"."checkins"."outside_contact_phone" is null)
          or ("reporting"."checkins"."dest_tenant_id" is null and "reporting"."checkins"."dest_org_id" is null and "reporting"."checkins"."dest_org_path" is null and "reporting"."checkins"."outside_city" is not null
            and "reporting"."checkins"."outside_contact_name" is not null and "reporting"."checkins"."outside_contact_phone" is not null and cardinality("reporting"."checkins"."grant_fields") = 0));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."seat_contacts" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "seat_contacts_written_tenant_wide" ON "reporting"."seat_contacts" AS RESTRICTIVE FOR INSERT TO public WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "seat_contacts_updated_tenant_wide" ON "reporting"."seat_contacts" AS RESTRICTIVE FOR UPDATE TO public USING ((select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "seat_contacts_deleted_tenant_wide" ON "reporting"."seat_contacts" AS RESTRICTIVE FOR DELETE TO public USING ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."certificates" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "certificates_read" ON "reporting"."certificates" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "certificates_write" ON "reporting"."certificates" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "certificates_update" ON "reporting"."certificates" AS PERMISSIVE FOR UPDATE TO public USING ((select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."checkin_links" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "checkin_links_scope" ON "reporting"."checkin_links" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or "reporting"."checkin_links"."user_id" = (select nullif(current_setting('app.user_id', true), '')) or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "reporting"."checkin_links"."org_path") > 0)) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on') or "reporting"."checkin_links"."user_id" = (select nullif(current_setting('app.user_id', true), '')) or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "reporting"."checkin_links"."org_path") > 0));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."throttles" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "throttles_tenant_wide" ON "reporting"."throttles" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));
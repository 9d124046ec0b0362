CREATE TYPE "roster"."dues_band" AS ENUM('upto_3000', 'upto_5000', 'upto_10000', 'over_10000', 'student', 'unemployed', 'retiree');--> statement-breakpoint
CREATE TYPE "roster"."dues_place" AS ENUM('home', 'destination');--> statement-breakpoint
CREATE TYPE "roster"."dues_schedule" AS ENUM('monthly', 'quarterly');--> statement-breakpoint
CREATE TABLE "roster"."dues_members" (
	"tenant_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"schedule" "roster"."dues_schedule" NOT NULL,
	"band" "roster"."dues_band" NOT NULL,
	"monthly_due_fen" integer NOT NULL,
	"due_from" text NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_members_tenant_id_member_id_pk" PRIMARY KEY("tenant_id","member_id"),
	CONSTRAINT "dues_members_due" CHECK (monthly_due_fen >= 0),
	CONSTRAINT "dues_members_from" CHECK (due_from ~ '^\d{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "roster"."dues_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."dues_payments" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"period" text NOT NULL,
	"due_fen" integer NOT NULL,
	"paid_fen" integer NOT NULL,
	"paid_on" date NOT NULL,
	"place" "roster"."dues_place" NOT NULL,
	"certificate_id" uuid,
	"certificate_number" text,
	"receiver_org_id" uuid NOT NULL,
	"receiver_org_name" text NOT NULL,
	"recorded_by" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_digest" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" text,
	"void_reason" text,
	CONSTRAINT "dues_payments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "dues_payments_amounts" CHECK (paid_fen >= 0 and due_fen >= 0),
	CONSTRAINT "dues_payments_period" CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
	CONSTRAINT "dues_payments_certificate" CHECK (place <> 'destination' or certificate_id is not null),
	CONSTRAINT "dues_payments_void" CHECK (voided_at is null or void_reason is not null)
);
--> statement-breakpoint
ALTER TABLE "roster"."dues_payments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."dues_rates" (
	"tenant_id" text NOT NULL,
	"band" "roster"."dues_band" NOT NULL,
	"rate_bp" integer,
	"fixed_fen" integer,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_rates_tenant_id_band_pk" PRIMARY KEY("tenant_id","band"),
	CONSTRAINT "dues_rates_one_kind" CHECK ((rate_bp is null) <> (fixed_fen is null)),
	CONSTRAINT "dues_rates_range" CHECK (coalesce(rate_bp, 0) between 0 and 10000 and coalesce(fixed_fen, 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "roster"."dues_rates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."dues_members" ADD CONSTRAINT "dues_members_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."dues_payments" ADD CONSTRAINT "dues_payments_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."dues_payments" ADD CONSTRAINT "dues_payments_tenant_id_receiver_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","receiver_org_id") REFERENCES "roster"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."dues_payments" ADD CONSTRAINT "dues_payments_tenant_id_certificate_id_certificates_tenant_id_id_fk" FOREIGN KEY ("tenant_id","certificate_id") REFERENCES "roster"."certificates"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dues_payments_idempotency" ON "roster"."dues_payments" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_payments_period_once" ON "roster"."dues_payments" USING btree ("tenant_id","member_id","period") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "dues_payments_period" ON "roster"."dues_payments" USING btree ("tenant_id","period");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."dues_members" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "member_visible" ON "roster"."dues_members" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from roster.members m where m.tenant_id = "roster"."dues_members"."tenant_id" and m.id = "roster"."dues_members"."member_id"));--> statement-breakpoint
CREATE POLICY "dues_members_checked_in" ON "roster"."dues_members" AS PERMISSIVE FOR SELECT TO public USING (exists (select 1 from roster.ledger_grants g
  where g.tenant_id = "roster"."dues_members"."tenant_id" and g.member_id = "roster"."dues_members"."member_id" and g.grantee_tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))
    and g.revoked_at is null and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in g.grantee_org_path) > 0))));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."dues_payments" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "member_visible" ON "roster"."dues_payments" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from roster.members m where m.tenant_id = "roster"."dues_payments"."tenant_id" and m.id = "roster"."dues_payments"."member_id"));--> statement-breakpoint
CREATE POLICY "dues_payments_checked_in" ON "roster"."dues_payments" AS PERMISSIVE FOR SELECT TO public USING (exists (select 1 from roster.ledger_grants g
  where g.tenant_id = "roster"."dues_payments"."tenant_id" and g.member_id = "roster"."dues_payments"."member_id" and g.grantee_tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))
    and g.revoked_at is null and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in g.grantee_org_path) > 0))));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."dues_rates" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "dues_rates_read" ON "roster"."dues_rates" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "dues_rates_department" ON "roster"."dues_rates" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "roster"."dues_rates" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."dues_members" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."dues_payments" FORCE ROW LEVEL SECURITY;

CREATE TYPE "roster"."certificate_status" AS ENUM('valid', 'returned', 'expired', 'revoked');--> statement-breakpoint
CREATE TYPE "roster"."letter_purpose" AS ENUM('meeting', 'study', 'secondment', 'family_visit', 'other');--> statement-breakpoint
CREATE TABLE "roster"."certificate_letters" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"holder_name" text NOT NULL,
	"branch_name" text NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"issuer_name" text NOT NULL,
	"purpose" "roster"."letter_purpose" NOT NULL,
	"destination" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"issued_on" date NOT NULL,
	"note" text,
	"issued_by" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificate_letters_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."certificate_letters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."certificate_numbers" (
	"tenant_id" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "certificate_numbers_tenant_id_year_pk" PRIMARY KEY("tenant_id","year")
);
--> statement-breakpoint
ALTER TABLE "roster"."certificate_numbers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."certificates" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"holder_name" text NOT NULL,
	"branch_id" uuid NOT NULL,
	"branch_name" text NOT NULL,
	"county_name" text NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"issuer_name" text NOT NULL,
	"left_on" date NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"reason_code" "roster"."away_reason",
	"reason" text,
	"destination_province" text,
	"destination_city" text NOT NULL,
	"not_transferable_reason" text,
	"status" "roster"."certificate_status" DEFAULT 'valid' NOT NULL,
	"token_hash" text,
	"token_issued_at" timestamp with time zone,
	"report_activities" text,
	"report_joined_org" text,
	"report_meetings" integer,
	"reported_at" timestamp with time zone,
	"handed_back_on" date,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"close_note" text,
	"close_key" text,
	"revoke_reason" text,
	"lapsed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"issued_by" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."certificates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."certificate_letters" ADD CONSTRAINT "certificate_letters_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."certificate_letters" ADD CONSTRAINT "certificate_letters_tenant_id_issuer_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","issuer_org_id") REFERENCES "roster"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."certificates" ADD CONSTRAINT "certificates_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."certificates" ADD CONSTRAINT "certificates_tenant_id_issuer_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","issuer_org_id") REFERENCES "roster"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_letters_idempotency" ON "roster"."certificate_letters" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "certificate_letters_member" ON "roster"."certificate_letters" USING btree ("tenant_id","member_id","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number" ON "roster"."certificates" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_idempotency" ON "roster"."certificates" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_valid" ON "roster"."certificates" USING btree ("tenant_id","member_id") WHERE status = 'valid';--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_token" ON "roster"."certificates" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "certificates_ending" ON "roster"."certificates" USING btree ("tenant_id","valid_until") WHERE status = 'valid';--> statement-breakpoint
CREATE INDEX "certificates_member" ON "roster"."certificates" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."certificate_letters" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "member_visible" ON "roster"."certificate_letters" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from roster.members m where m.tenant_id = "roster"."certificate_letters"."tenant_id" and m.id = "roster"."certificate_letters"."member_id"));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."certificate_numbers" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."certificates" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "member_visible" ON "roster"."certificates" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from roster.members m where m.tenant_id = "roster"."certificates"."tenant_id" and m.id = "roster"."certificates"."member_id"));--> statement-breakpoint
-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "roster"."certificates" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."certificate_numbers" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."certificate_letters" FORCE ROW LEVEL SECURITY;

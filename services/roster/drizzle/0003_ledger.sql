CREATE TYPE "roster"."gender" AS ENUM('male', 'female');--> statement-breakpoint
ALTER TYPE "roster"."member_status" ADD VALUE 'transferred_out';--> statement-breakpoint
ALTER TYPE "roster"."org_kind" ADD VALUE 'county';--> statement-breakpoint
ALTER TYPE "roster"."org_kind" ADD VALUE 'street';--> statement-breakpoint
ALTER TYPE "roster"."org_kind" ADD VALUE 'general_branch';--> statement-breakpoint
CREATE TABLE "roster"."contact_attempts" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"attempted_on" date NOT NULL,
	"channel" text NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_attempts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."contact_attempts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."member_versions" (
	"tenant_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_user_id" text,
	"actor_role" text NOT NULL,
	"idempotency_key" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_versions_tenant_id_member_id_version_pk" PRIMARY KEY("tenant_id","member_id","version")
);
--> statement-breakpoint
ALTER TABLE "roster"."member_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."org_changes" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"actor_user_id" text,
	"idempotency_key" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."org_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."org_directory" (
	"tenant_id" text NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" "roster"."org_kind" NOT NULL,
	"name" text NOT NULL,
	"province" text,
	"city" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "org_directory_tenant_id_org_id_pk" PRIMARY KEY("tenant_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "roster"."org_directory" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."outflows" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"left_on" date NOT NULL,
	"destination_province" text,
	"destination_city" text NOT NULL,
	"reason" text,
	"expected_months" integer,
	"returned_on" date,
	"return_note" text,
	"recorded_by" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outflows_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."outflows" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."placement_proposals" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"from_branch_id" uuid NOT NULL,
	"to_branch_id" uuid,
	"away_since" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"note" text,
	CONSTRAINT "placement_proposals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."placement_proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."processed_events" (
	"tenant_id" text NOT NULL,
	"event_id" uuid NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_tenant_id_event_id_pk" PRIMARY KEY("tenant_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "roster"."processed_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."sensitive_reads" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"field" text NOT NULL,
	"actor_user_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sensitive_reads_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."sensitive_reads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."transfers" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"from_branch_id" uuid NOT NULL,
	"from_path" text NOT NULL,
	"to_tenant_id" text NOT NULL,
	"to_org_id" uuid NOT NULL,
	"to_path" text,
	"to_branch_id" uuid,
	"reason" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_role" text NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ledger" jsonb NOT NULL,
	"new_member_id" uuid,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."transfers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "gender" "roster"."gender";--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "id_card_number" text;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "joined_on" date;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "destination_province" text;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "residential_address" text;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "destination_phone" text;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "destination_org_name" text;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "destination_org_leader" text;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "destination_org_contact" text;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "away_since" date;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "lost_contact_since" date;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "lost_contact_reason" integer;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "field_confirmed_at" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "ledger_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "roster"."orgs" ADD COLUMN "province" text;--> statement-breakpoint
ALTER TABLE "roster"."orgs" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "roster"."orgs" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roster"."contact_attempts" ADD CONSTRAINT "contact_attempts_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."member_versions" ADD CONSTRAINT "member_versions_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."org_changes" ADD CONSTRAINT "org_changes_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "roster"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."org_directory" ADD CONSTRAINT "org_directory_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "roster"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."outflows" ADD CONSTRAINT "outflows_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."placement_proposals" ADD CONSTRAINT "placement_proposals_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."sensitive_reads" ADD CONSTRAINT "sensitive_reads_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."transfers" ADD CONSTRAINT "transfers_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_attempts_member" ON "roster"."contact_attempts" USING btree ("tenant_id","member_id","attempted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_attempts_idempotency" ON "roster"."contact_attempts" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "member_versions_idempotency" ON "roster"."member_versions" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "org_changes_org" ON "roster"."org_changes" USING btree ("tenant_id","org_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "org_changes_idempotency" ON "roster"."org_changes" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "org_directory_city" ON "roster"."org_directory" USING btree ("city","name");--> statement-breakpoint
CREATE UNIQUE INDEX "outflows_open" ON "roster"."outflows" USING btree ("tenant_id","member_id") WHERE returned_on is null;--> statement-breakpoint
CREATE UNIQUE INDEX "outflows_idempotency" ON "roster"."outflows" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "placement_pending" ON "roster"."placement_proposals" USING btree ("tenant_id","member_id") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_open" ON "roster"."transfers" USING btree ("tenant_id","member_id") WHERE status in ('requested', 'origin_approved', 'township_approved');--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_idempotency" ON "roster"."transfers" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "transfers_to_tenant" ON "roster"."transfers" USING btree ("to_tenant_id","status");--> statement-breakpoint
CREATE INDEX "members_org_status" ON "roster"."members" USING btree ("tenant_id","branch_id","status");--> statement-breakpoint
CREATE INDEX "members_ledger_confirmed" ON "roster"."members" USING btree ("tenant_id","ledger_confirmed_at");--> statement-breakpoint
CREATE INDEX "members_destination_city" ON "roster"."members" USING btree ("tenant_id","destination_city");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_card" ON "roster"."members" USING btree ("tenant_id","id_card_number");--> statement-breakpoint
DROP POLICY "tenant_isolation" ON "roster"."orgs" CASCADE;--> statement-breakpoint
CREATE POLICY "org_read" ON "roster"."orgs" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "org_write" ON "roster"."orgs" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((current_setting('app.tenant_wide', true) = 'on') or string_to_array(trim(both '/' from "roster"."orgs"."path"), '/') && string_to_array(nullif(current_setting('app.org_ids', true), ''), ','));--> statement-breakpoint
CREATE POLICY "org_update" ON "roster"."orgs" AS PERMISSIVE FOR UPDATE TO public USING ((current_setting('app.tenant_wide', true) = 'on') or string_to_array(trim(both '/' from "roster"."orgs"."path"), '/') && string_to_array(nullif(current_setting('app.org_ids', true), ''), ',')) WITH CHECK ((current_setting('app.tenant_wide', true) = 'on') or string_to_array(trim(both '/' from "roster"."orgs"."path"), '/') && string_to_array(nullif(current_setting('app.org_ids', true), ''), ','));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."orgs" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."contact_attempts" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "member_visible" ON "roster"."contact_attempts" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from roster.members m where m.tenant_id = "roster"."contact_attempts"."tenant_id" and m.id = "roster"."contact_attempts"."member_id"));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."member_versions" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "member_visible" ON "roster"."member_versions" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from roster.members m where m.tenant_id = "roster"."member_versions"."tenant_id" and m.id = "roster"."member_versions"."member_id"));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."org_changes" AS PERMISSIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "directory_read" ON "roster"."org_directory" AS PERMISSIVE FOR SELECT TO public USING (nullif(current_setting('app.tenant_id', true), '') is not null);--> statement-breakpoint
CREATE POLICY "directory_write" ON "roster"."org_directory" AS PERMISSIVE FOR INSERT TO public WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "directory_update" ON "roster"."org_directory" AS PERMISSIVE FOR UPDATE TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."outflows" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "member_visible" ON "roster"."outflows" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from roster.members m where m.tenant_id = "roster"."outflows"."tenant_id" and m.id = "roster"."outflows"."member_id"));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."placement_proposals" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "member_visible" ON "roster"."placement_proposals" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from roster.members m where m.tenant_id = "roster"."placement_proposals"."tenant_id" and m.id = "roster"."placement_proposals"."member_id"));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."processed_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."sensitive_reads" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "read_logged" ON "roster"."sensitive_reads" AS PERMISSIVE FOR INSERT TO public WITH CHECK (exists (select 1 from roster.members m where m.tenant_id = "roster"."sensitive_reads"."tenant_id" and m.id = "roster"."sensitive_reads"."member_id"));--> statement-breakpoint
CREATE POLICY "read_log_audit" ON "roster"."sensitive_reads" AS PERMISSIVE FOR SELECT TO public USING ((current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "transfer_tenants" ON "roster"."transfers" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '') or to_tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '') or to_tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "transfer_scope" ON "roster"."transfers" AS PERMISSIVE FOR ALL TO public USING (((current_setting('app.tenant_wide', true) = 'on')) or string_to_array(trim(both '/' from "roster"."transfers"."from_path"), '/') && string_to_array(nullif(current_setting('app.org_ids', true), ''), ',') or ("roster"."transfers"."to_path" is not null and string_to_array(trim(both '/' from "roster"."transfers"."to_path"), '/') && string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))
          or (tenant_id = nullif(current_setting('app.tenant_id', true), '') and exists (select 1 from roster.members m where m.tenant_id = "roster"."transfers"."tenant_id" and m.id = "roster"."transfers"."member_id")));
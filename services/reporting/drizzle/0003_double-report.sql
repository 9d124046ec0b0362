CREATE TYPE "reporting"."meeting_kind" AS ENUM('members_meeting', 'branch_committee', 'party_group', 'party_lecture', 'themed_party_day', 'organizational_life', 'democratic_appraisal');--> statement-breakpoint
CREATE TABLE "reporting"."attendance" (
	"tenant_id" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"response" text,
	"attendance" text,
	"meeting_report" text,
	"reported_at" timestamp with time zone,
	"recorded_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_tenant_id_meeting_id_member_id_pk" PRIMARY KEY("tenant_id","meeting_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."attendance" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."checkins" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"org_path" text NOT NULL,
	"dest_tenant_id" text NOT NULL,
	"dest_org_id" uuid NOT NULL,
	"dest_org_path" text NOT NULL,
	"dest_org_name" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"grant_fields" text[] NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"ended_by" text,
	"ended_at" timestamp with time zone,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkins_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."checkins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."contact_tasks" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"channel" text,
	"result" text,
	"note" text,
	"attempted_on" date,
	"done_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."contact_tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."meetings" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" "reporting"."meeting_kind" NOT NULL,
	"title" text NOT NULL,
	"agenda" text,
	"mode" text NOT NULL,
	"location" text,
	"online_link" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"report_deadline" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."members" (
	"tenant_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"branch_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_tenant_id_member_id_pk" PRIMARY KEY("tenant_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."monthly_report_versions" (
	"tenant_id" text NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"idempotency_key" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_report_versions_tenant_id_report_id_version_pk" PRIMARY KEY("tenant_id","report_id","version")
);
--> statement-breakpoint
ALTER TABLE "reporting"."monthly_report_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."notifications" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"subject" jsonb,
	"dedupe_key" text,
	"official" boolean DEFAULT false NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."processed_events" (
	"tenant_id" text NOT NULL,
	"event_id" uuid NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_tenant_id_event_id_pk" PRIMARY KEY("tenant_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."processed_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."settings" (
	"tenant_id" text NOT NULL,
	"reminder_day" integer NOT NULL,
	"contact_task_day" integer NOT NULL,
	"lost_contact_months" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reporting"."suggestions" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"to_org_id" uuid NOT NULL,
	"to_org_path" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "reporting"."suggestions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_reports" ADD COLUMN "member_id" uuid;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_reports" ADD COLUMN "ledger_change" text;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_reports" ADD COLUMN "ledger_version" integer;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_reports" ADD COLUMN "study" text;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_reports" ADD COLUMN "difficulties" text;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_reports" ADD COLUMN "help_wanted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_reports" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_reports" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_reports" ADD COLUMN "acknowledged_by" text;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_reports" ADD COLUMN "comment" text;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_reports" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting"."attendance" ADD CONSTRAINT "attendance_tenant_id_meeting_id_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "reporting"."meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_report_versions" ADD CONSTRAINT "monthly_report_versions_tenant_id_report_id_monthly_reports_tenant_id_id_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "reporting"."monthly_reports"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_member" ON "reporting"."attendance" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_open" ON "reporting"."checkins" USING btree ("tenant_id","member_id") WHERE status in ('pending', 'returned', 'accepted');--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_idempotency" ON "reporting"."checkins" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "checkins_dest" ON "reporting"."checkins" USING btree ("dest_tenant_id","dest_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_tasks_member_period" ON "reporting"."contact_tasks" USING btree ("tenant_id","member_id","period");--> statement-breakpoint
CREATE INDEX "meetings_org" ON "reporting"."meetings" USING btree ("tenant_id","org_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_idempotency" ON "reporting"."meetings" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "members_user" ON "reporting"."members" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "members_org_path" ON "reporting"."members" USING btree ("tenant_id","org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_report_versions_idempotency" ON "reporting"."monthly_report_versions" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "notifications_user" ON "reporting"."notifications" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe" ON "reporting"."notifications" USING btree ("tenant_id","dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestions_idempotency" ON "reporting"."suggestions" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "monthly_reports_period" ON "reporting"."monthly_reports" USING btree ("tenant_id","period");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."attendance" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "attendance_scope" ON "reporting"."attendance" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from reporting.members m where m.tenant_id = "reporting"."attendance"."tenant_id" and m.member_id = "reporting"."attendance"."member_id"));--> statement-breakpoint
CREATE POLICY "checkin_tenants" ON "reporting"."checkins" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or dest_tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or dest_tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "checkin_scope" ON "reporting"."checkins" AS PERMISSIVE FOR ALL TO public USING ((tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or "reporting"."checkins"."user_id" = (select nullif(current_setting('app.user_id', true), '')) or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "reporting"."checkins"."org_path") > 0)))
          or (dest_tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "reporting"."checkins"."dest_org_path") > 0))));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."contact_tasks" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "contact_task_scope" ON "reporting"."contact_tasks" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from reporting.members m where m.tenant_id = "reporting"."contact_tasks"."tenant_id" and m.member_id = "reporting"."contact_tasks"."member_id"));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."meetings" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "meeting_scope" ON "reporting"."meetings" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "reporting"."meetings"."org_path") > 0) or exists (
          select 1 from reporting.members m where m.tenant_id = "reporting"."meetings"."tenant_id" and m.user_id = (select nullif(current_setting('app.user_id', true), ''))
            and position("reporting"."meetings"."org_path" in m.org_path) = 1));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."members" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "member_scope" ON "reporting"."members" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or "reporting"."members"."user_id" = (select nullif(current_setting('app.user_id', true), '')) or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "reporting"."members"."org_path") > 0));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."monthly_report_versions" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "report_visible" ON "reporting"."monthly_report_versions" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from reporting.monthly_reports r where r.tenant_id = "reporting"."monthly_report_versions"."tenant_id" and r.id = "reporting"."monthly_report_versions"."report_id"));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."notifications" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "notification_read" ON "reporting"."notifications" AS PERMISSIVE FOR SELECT TO public USING ("reporting"."notifications"."user_id" = (select nullif(current_setting('app.user_id', true), '')) or (select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "notification_write" ON "reporting"."notifications" AS PERMISSIVE FOR INSERT TO public WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "notification_mark" ON "reporting"."notifications" AS PERMISSIVE FOR UPDATE TO public USING ("reporting"."notifications"."user_id" = (select nullif(current_setting('app.user_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."processed_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."settings" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reporting"."suggestions" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "suggestion_scope" ON "reporting"."suggestions" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or "reporting"."suggestions"."user_id" = (select nullif(current_setting('app.user_id', true), '')) or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "reporting"."suggestions"."to_org_path") > 0));--> statement-breakpoint
ALTER POLICY "own_or_department" ON "reporting"."monthly_reports" TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or "reporting"."monthly_reports"."user_id" = (select nullif(current_setting('app.user_id', true), '')) or ("reporting"."monthly_reports"."member_id" is not null and exists (select 1 from reporting.members m where m.tenant_id = "reporting"."monthly_reports"."tenant_id" and m.member_id = "reporting"."monthly_reports"."member_id")));
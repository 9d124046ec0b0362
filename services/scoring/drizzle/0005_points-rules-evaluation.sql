CREATE TABLE "scoring"."checkins" (
	"tenant_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"checkin_id" uuid NOT NULL,
	"dest_tenant_id" text NOT NULL,
	"dest_org_id" uuid NOT NULL,
	"dest_org_path" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkins_tenant_id_member_id_pk" PRIMARY KEY("tenant_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "scoring"."checkins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scoring"."members" (
	"tenant_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"branch_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"status" text NOT NULL,
	"destination_city" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_tenant_id_member_id_pk" PRIMARY KEY("tenant_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "scoring"."members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scoring"."orgs" (
	"tenant_id" text NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"path" text NOT NULL,
	"city" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "orgs_tenant_id_org_id_pk" PRIMARY KEY("tenant_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "scoring"."orgs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scoring"."scored_events" (
	"tenant_id" text NOT NULL,
	"event_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scored_events_tenant_id_event_id_pk" PRIMARY KEY("tenant_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "scoring"."scored_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scoring"."rule_changes" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_by_name" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idempotency_key" text NOT NULL,
	CONSTRAINT "rule_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "scoring"."rule_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scoring"."rules" (
	"tenant_id" text NOT NULL,
	"kind" text NOT NULL,
	"points" integer,
	"monthly_cap" integer,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rules_tenant_id_kind_pk" PRIMARY KEY("tenant_id","kind"),
	CONSTRAINT "rules_points_range" CHECK ("scoring"."rules"."points" between 0 and 100),
	CONSTRAINT "rules_cap_not_negative" CHECK ("scoring"."rules"."monthly_cap" >= 0)
);
--> statement-breakpoint
ALTER TABLE "scoring"."rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scoring"."thresholds" (
	"tenant_id" text NOT NULL,
	"excellent_points" integer NOT NULL,
	"excellent_reports" integer NOT NULL,
	"qualified_points" integer NOT NULL,
	"qualified_reports" integer NOT NULL,
	"basic_points" integer NOT NULL,
	"basic_reports" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "thresholds_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "scoring"."thresholds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scoring"."evaluation_changes" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"action" text NOT NULL,
	"proposed_grade" text NOT NULL,
	"final_grade" text,
	"basis" jsonb,
	"reason" text,
	"by" text NOT NULL,
	"by_name" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "scoring"."evaluation_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scoring"."evaluations" (
	"tenant_id" text NOT NULL,
	"year" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"proposed_grade" text NOT NULL,
	"basis" jsonb NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"final_grade" text,
	"reason" text,
	"confirmed_by" text,
	"confirmed_by_name" text,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "evaluations_tenant_id_year_member_id_pk" PRIMARY KEY("tenant_id","year","member_id"),
	CONSTRAINT "evaluations_grades" CHECK ("scoring"."evaluations"."proposed_grade" in ('excellent', 'qualified', 'basic', 'unqualified') and ("scoring"."evaluations"."final_grade" is null or "scoring"."evaluations"."final_grade" in ('excellent', 'qualified', 'basic', 'unqualified')))
);
--> statement-breakpoint
ALTER TABLE "scoring"."evaluations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ALTER COLUMN "reason" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "kind" text NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "source" text NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "topic" text;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "period" text NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "activity_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "event_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "capped" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "author_user_id" text;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "author_name" text;--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE INDEX "checkins_dest" ON "scoring"."checkins" USING btree ("dest_tenant_id","dest_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_user" ON "scoring"."members" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "members_org_path" ON "scoring"."members" USING btree ("tenant_id","org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "orgs_path" ON "scoring"."orgs" USING btree ("tenant_id","path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "rule_changes_idempotency" ON "scoring"."rule_changes" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "points_ledger_period" ON "scoring"."points_ledger" USING btree ("tenant_id","period","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_event" ON "scoring"."points_ledger" USING btree ("tenant_id","source_event_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_idempotency" ON "scoring"."points_ledger" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD CONSTRAINT "points_ledger_source" CHECK (("scoring"."points_ledger"."source" = 'event' and "scoring"."points_ledger"."source_event_id" is not null)
        or ("scoring"."points_ledger"."source" = 'correction' and "scoring"."points_ledger"."author_user_id" is not null and length(trim("scoring"."points_ledger"."reason")) > 0));--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ADD CONSTRAINT "points_ledger_period_format" CHECK ("scoring"."points_ledger"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');--> statement-breakpoint
CREATE POLICY "member_visible" ON "scoring"."points_ledger" AS PERMISSIVE FOR SELECT TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from scoring.members m where m.tenant_id = "scoring"."points_ledger"."tenant_id" and m.member_id = "scoring"."points_ledger"."member_id"));--> statement-breakpoint
CREATE POLICY "member_managed" ON "scoring"."points_ledger" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from scoring.members m where m.tenant_id = "scoring"."points_ledger"."tenant_id" and m.member_id = "scoring"."points_ledger"."member_id" and exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in m.org_path) > 0)));--> statement-breakpoint
CREATE POLICY "checkin_tenants" ON "scoring"."checkins" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or dest_tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or dest_tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "checkin_scope" ON "scoring"."checkins" AS PERMISSIVE FOR ALL TO public USING ((tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from "scoring"."members" m where m.tenant_id = "scoring"."checkins"."tenant_id" and m.member_id = "scoring"."checkins"."member_id")))
            or (dest_tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "scoring"."checkins"."dest_org_path") > 0))));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "scoring"."members" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "member_scope" ON "scoring"."members" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or "scoring"."members"."user_id" = (select nullif(current_setting('app.user_id', true), '')) or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "scoring"."members"."org_path") > 0));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "scoring"."orgs" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "scoring"."scored_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "scoring"."rule_changes" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "department_only" ON "scoring"."rule_changes" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "scoring"."rules" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "settings_read" ON "scoring"."rules" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "settings_write" ON "scoring"."rules" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "scoring"."thresholds" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "settings_read" ON "scoring"."thresholds" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "settings_write" ON "scoring"."thresholds" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "scoring"."evaluation_changes" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "member_visible" ON "scoring"."evaluation_changes" AS PERMISSIVE FOR SELECT TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from scoring.members m where m.tenant_id = "scoring"."evaluation_changes"."tenant_id" and m.member_id = "scoring"."evaluation_changes"."member_id"));--> statement-breakpoint
CREATE POLICY "member_managed" ON "scoring"."evaluation_changes" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from scoring.members m where m.tenant_id = "scoring"."evaluation_changes"."tenant_id" and m.member_id = "scoring"."evaluation_changes"."member_id" and exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in m.org_path) > 0)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "scoring"."evaluations" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "member_visible" ON "scoring"."evaluations" AS PERMISSIVE FOR SELECT TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from scoring.members m where m.tenant_id = "scoring"."evaluations"."tenant_id" and m.member_id = "scoring"."evaluations"."member_id"));--> statement-breakpoint
CREATE POLICY "member_managed" ON "scoring"."evaluations" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from scoring.members m where m.tenant_id = "scoring"."evaluations"."tenant_id" and m.member_id = "scoring"."evaluations"."member_id" and exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in m.org_path) > 0)));--> statement-breakpoint
CREATE POLICY "member_managed_update" ON "scoring"."evaluations" AS PERMISSIVE FOR UPDATE TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from scoring.members m where m.tenant_id = "scoring"."evaluations"."tenant_id" and m.member_id = "scoring"."evaluations"."member_id" and exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in m.org_path) > 0))) WITH CHECK ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from scoring.members m where m.tenant_id = "scoring"."evaluations"."tenant_id" and m.member_id = "scoring"."evaluations"."member_id" and exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in m.org_path) > 0)));
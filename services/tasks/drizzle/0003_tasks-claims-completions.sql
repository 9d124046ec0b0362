CREATE TABLE "tasks"."checkins" (
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
ALTER TABLE "tasks"."checkins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tasks"."members" (
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
ALTER TABLE "tasks"."members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tasks"."orgs" (
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
ALTER TABLE "tasks"."orgs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tasks"."processed_events" (
	"tenant_id" text NOT NULL,
	"event_id" uuid NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_tenant_id_event_id_pk" PRIMARY KEY("tenant_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "tasks"."processed_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tasks"."task_versions" (
	"tenant_id" text NOT NULL,
	"task_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"terms" jsonb NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idempotency_key" text,
	CONSTRAINT "task_versions_tenant_id_task_id_version_pk" PRIMARY KEY("tenant_id","task_id","version")
);
--> statement-breakpoint
ALTER TABLE "tasks"."task_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tasks"."claims" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"member_tenant_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"member_name" text NOT NULL,
	"task_version" integer NOT NULL,
	"task_kind" text NOT NULL,
	"task_title" text NOT NULL,
	"task_org_id" uuid NOT NULL,
	"task_org_path" text NOT NULL,
	"task_org_name" text NOT NULL,
	"points" integer NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"evidence" jsonb NOT NULL,
	"target_amount" integer,
	"target_unit" text,
	"status" text DEFAULT 'active' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idempotency_key" text NOT NULL,
	CONSTRAINT "claims_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "claims_status" CHECK ("tasks"."claims"."status" in ('active', 'submitted', 'approved', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "tasks"."claims" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tasks"."completions" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"member_tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"task_org_path" text NOT NULL,
	"version" integer NOT NULL,
	"note" text,
	"amount" numeric(14, 2),
	"photo_ids" uuid[] DEFAULT '{}' NOT NULL,
	"response" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"idempotency_key" text NOT NULL,
	CONSTRAINT "completions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "completions_amount" CHECK ("tasks"."completions"."amount" is null or "tasks"."completions"."amount" >= 0),
	CONSTRAINT "completions_decision" CHECK ("tasks"."completions"."decision" is null or "tasks"."completions"."decision" in ('approved', 'rejected')),
	CONSTRAINT "completions_photos" CHECK (cardinality("tasks"."completions"."photo_ids") <= 6)
);
--> statement-breakpoint
ALTER TABLE "tasks"."completions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tasks"."evidence_photos" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"claim_tenant_id" text,
	"claim_id" uuid,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"blob_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_photos_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "evidence_photos_size" CHECK ("tasks"."evidence_photos"."size" > 0 and "tasks"."evidence_photos"."size" <= 2097152),
	CONSTRAINT "evidence_photos_type" CHECK ("tasks"."evidence_photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp'))
);
--> statement-breakpoint
ALTER TABLE "tasks"."evidence_photos" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ALTER COLUMN "published_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "org_path" text;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "org_name" text;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "target_amount" integer;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "target_unit" text;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "quota" integer;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "claimed_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "visibility" text;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "evidence" jsonb;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "study" jsonb;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
-- Tasks the first stub published (no kind, deadline or scope yet) become open tasks of their org for 30 days.
UPDATE "tasks"."tasks" SET "org_path" = '/' || org_id || '/', "org_name" = '', "kind" = 'other', "deadline" = coalesce(published_at, now()) + interval '30 days', "visibility" = 'org', "evidence" = '{"photo": "none", "photoReason": null, "text": true, "number": false}'::jsonb;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ALTER COLUMN "org_path" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ALTER COLUMN "org_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ALTER COLUMN "kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ALTER COLUMN "deadline" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ALTER COLUMN "visibility" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ALTER COLUMN "evidence" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."task_versions" ADD CONSTRAINT "task_versions_tenant_id_task_id_tasks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "tasks"."tasks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks"."claims" ADD CONSTRAINT "claims_tenant_id_task_id_tasks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "tasks"."tasks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks"."completions" ADD CONSTRAINT "completions_tenant_id_claim_id_claims_tenant_id_id_fk" FOREIGN KEY ("tenant_id","claim_id") REFERENCES "tasks"."claims"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkins_dest" ON "tasks"."checkins" USING btree ("dest_tenant_id","dest_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_user" ON "tasks"."members" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "members_org_path" ON "tasks"."members" USING btree ("tenant_id","org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "orgs_path" ON "tasks"."orgs" USING btree ("tenant_id","path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "task_versions_idempotency" ON "tasks"."task_versions" USING btree ("tenant_id","task_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_idempotency" ON "tasks"."claims" USING btree ("tenant_id","task_id","member_tenant_id","member_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_one_per_member" ON "tasks"."claims" USING btree ("tenant_id","task_id","member_tenant_id","member_id") WHERE status <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "claims_member" ON "tasks"."claims" USING btree ("member_tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "claims_task" ON "tasks"."claims" USING btree ("tenant_id","task_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "completions_version" ON "tasks"."completions" USING btree ("tenant_id","claim_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "completions_idempotency" ON "tasks"."completions" USING btree ("tenant_id","claim_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "completions_approved_once" ON "tasks"."completions" USING btree ("tenant_id","claim_id") WHERE decision = 'approved';--> statement-breakpoint
CREATE INDEX "completions_undecided" ON "tasks"."completions" USING btree ("tenant_id","submitted_at") WHERE decision is null;--> statement-breakpoint
CREATE INDEX "completions_decided" ON "tasks"."completions" USING btree ("tenant_id","decided_at") WHERE decision = 'approved';--> statement-breakpoint
CREATE INDEX "tasks_open" ON "tasks"."tasks" USING btree ("tenant_id","status","deadline");--> statement-breakpoint
CREATE INDEX "tasks_org_path" ON "tasks"."tasks" USING btree ("tenant_id","org_path" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD CONSTRAINT "tasks_kind" CHECK ("tasks"."tasks"."kind" in ('sell_products', 'find_jobs', 'donation', 'promotion', 'study', 'volunteer', 'other'));--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD CONSTRAINT "tasks_visibility" CHECK ("tasks"."tasks"."visibility" in ('org', 'tenant_mobile', 'flow_org'));--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD CONSTRAINT "tasks_status" CHECK ("tasks"."tasks"."status" in ('draft', 'published', 'closed'));--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD CONSTRAINT "tasks_target" CHECK (("tasks"."tasks"."target_amount" is null) = ("tasks"."tasks"."target_unit" is null) and ("tasks"."tasks"."target_amount" is null or "tasks"."tasks"."target_amount" > 0) and ("tasks"."tasks"."target_unit" is null or "tasks"."tasks"."target_unit" in ('boxes', 'orders', 'jobs', 'yuan', 'people', 'items', 'hours')));--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD CONSTRAINT "tasks_quota" CHECK ("tasks"."tasks"."quota" is null or "tasks"."tasks"."quota" >= 1);--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD CONSTRAINT "tasks_claimed_within_quota" CHECK ("tasks"."tasks"."claimed_count" >= 0 and ("tasks"."tasks"."quota" is null or "tasks"."tasks"."claimed_count" <= "tasks"."tasks"."quota"));--> statement-breakpoint
DROP POLICY "tenant_isolation" ON "tasks"."tasks" CASCADE;--> statement-breakpoint
CREATE POLICY "task_staff" ON "tasks"."tasks" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "tasks"."tasks"."org_path") > 0)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tasks"."tasks" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or "tasks"."tasks"."visibility" = 'flow_org') WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "checkin_tenants" ON "tasks"."checkins" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or dest_tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or dest_tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "checkin_scope" ON "tasks"."checkins" AS PERMISSIVE FOR ALL TO public USING ((tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from "tasks"."members" m where m.tenant_id = "tasks"."checkins"."tenant_id" and m.member_id = "tasks"."checkins"."member_id")))
            or (dest_tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "tasks"."checkins"."dest_org_path") > 0))));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tasks"."members" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "member_scope" ON "tasks"."members" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or "tasks"."members"."user_id" = (select nullif(current_setting('app.user_id', true), '')) or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "tasks"."members"."org_path") > 0));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tasks"."orgs" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tasks"."processed_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tasks"."task_versions" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "task_version_staff" ON "tasks"."task_versions" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from tasks.tasks x where x.tenant_id = "tasks"."task_versions"."tenant_id" and x.id = "tasks"."task_versions"."task_id" and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in x.org_path) > 0))));--> statement-breakpoint
CREATE POLICY "claim_tenants" ON "tasks"."claims" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or member_tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "claim_read" ON "tasks"."claims" AS PERMISSIVE FOR SELECT TO public USING ((tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "tasks"."claims"."task_org_path") > 0)))
          or (member_tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ("tasks"."claims"."user_id" = (select nullif(current_setting('app.user_id', true), ''))
            or exists (select 1 from tasks.members m where m.tenant_id = "tasks"."claims"."member_tenant_id" and m.member_id = "tasks"."claims"."member_id"))));--> statement-breakpoint
CREATE POLICY "claim_review" ON "tasks"."claims" AS PERMISSIVE FOR UPDATE TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "tasks"."claims"."task_org_path") > 0))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "tasks"."claims"."task_org_path") > 0)));--> statement-breakpoint
CREATE POLICY "completion_tenants" ON "tasks"."completions" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or member_tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "completion_read" ON "tasks"."completions" AS PERMISSIVE FOR SELECT TO public USING (exists (select 1 from tasks.claims c where c.tenant_id = "tasks"."completions"."tenant_id" and c.id = "tasks"."completions"."claim_id"));--> statement-breakpoint
CREATE POLICY "completion_review" ON "tasks"."completions" AS PERMISSIVE FOR UPDATE TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "tasks"."completions"."task_org_path") > 0))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "tasks"."completions"."task_org_path") > 0)));--> statement-breakpoint
CREATE POLICY "photo_tenants" ON "tasks"."evidence_photos" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or claim_tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "photo_uploader" ON "tasks"."evidence_photos" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and "tasks"."evidence_photos"."user_id" = (select nullif(current_setting('app.user_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and "tasks"."evidence_photos"."user_id" = (select nullif(current_setting('app.user_id', true), '')));--> statement-breakpoint
CREATE POLICY "photo_reviewer" ON "tasks"."evidence_photos" AS PERMISSIVE FOR SELECT TO public USING (claim_tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and exists (select 1 from tasks.claims c
          where c.tenant_id = "tasks"."evidence_photos"."claim_tenant_id" and c.id = "tasks"."evidence_photos"."claim_id" and ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in c.task_org_path) > 0))));
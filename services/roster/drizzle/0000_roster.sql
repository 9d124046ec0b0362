CREATE SCHEMA "roster";
--> statement-breakpoint
CREATE TYPE "roster"."member_status" AS ENUM('resident', 'mobile', 'lost_contact');--> statement-breakpoint
CREATE TYPE "roster"."org_kind" AS ENUM('department', 'township', 'branch', 'mobile_branch', 'flow_general', 'flow_branch');--> statement-breakpoint
CREATE TABLE "roster"."members" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"branch_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"status" "roster"."member_status" DEFAULT 'resident' NOT NULL,
	"destination_city" text,
	"employer" text,
	"occupation" text,
	"phone" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."orgs" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"kind" "roster"."org_kind" NOT NULL,
	"name" text NOT NULL,
	"path" text NOT NULL,
	"city" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orgs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."orgs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "roster"."outbox" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD CONSTRAINT "members_tenant_id_branch_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","branch_id") REFERENCES "roster"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster"."orgs" ADD CONSTRAINT "orgs_tenant_id_parent_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "roster"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "members_org_path" ON "roster"."members" USING btree ("tenant_id","org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "members_user" ON "roster"."members" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_idempotency" ON "roster"."members" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "orgs_path" ON "roster"."orgs" USING btree ("tenant_id","path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "outbox_undelivered" ON "roster"."outbox" USING btree ("created_at") WHERE delivered_at is null;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."members" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "org_scope" ON "roster"."members" AS PERMISSIVE FOR ALL TO public USING ((current_setting('app.tenant_wide', true) = 'on') or "roster"."members"."user_id" = nullif(current_setting('app.user_id', true), '') or exists (
          select 1 from roster.orgs o where o.tenant_id = "roster"."members"."tenant_id"
            and o.id = any(string_to_array(nullif(current_setting('app.org_ids', true), ''), ',')::uuid[]) and "roster"."members"."org_path" like o.path || '%'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."orgs" AS PERMISSIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."outbox" AS PERMISSIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));
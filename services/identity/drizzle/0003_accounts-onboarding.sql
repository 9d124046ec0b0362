ALTER TYPE "identity"."audit_kind" ADD VALUE 'login_refused_suspended';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'operator_created';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'tenant_created';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'tenant_renamed';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'tenant_suspended';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'tenant_resumed';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'invitation_issued';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'invitation_revoked';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'invitation_accepted';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'activation_issued';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'activation_revoked';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'activated';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'activation_failed';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'reset_requested';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'reset_failed';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'password_reset';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'role_granted';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'role_removed';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'account_closed';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'tenant_live';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'setup_changed';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'sms_settings_changed';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'throttled';--> statement-breakpoint
ALTER TYPE "identity"."role_name" ADD VALUE 'operator';--> statement-breakpoint
CREATE TABLE "identity"."activation_codes" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code_hash" text NOT NULL,
	"member_id" uuid NOT NULL,
	"issued_by_user_id" uuid,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "activation_codes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "identity"."activation_codes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity"."appointments" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"member_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"appointed_by_user_id" uuid,
	"appointed_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_user_id" uuid,
	CONSTRAINT "appointments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "identity"."appointments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity"."invitations" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"purpose" text NOT NULL,
	"name" text,
	"phone" text,
	"grants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issued_by_user_id" uuid,
	"issued_by_tenant_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"user_id" uuid,
	CONSTRAINT "invitations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "identity"."invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity"."message_deliveries" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"phone" text NOT NULL,
	"provider" text NOT NULL,
	"status" text NOT NULL,
	"provider_message_id" text,
	"error_code" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_deliveries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "identity"."message_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity"."orgs" (
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
ALTER TABLE "identity"."orgs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity"."outbox" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "identity"."outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity"."people" (
	"tenant_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"phone" text,
	"id_tail_digest" text,
	"branch_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_tenant_id_member_id_pk" PRIMARY KEY("tenant_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "identity"."people" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity"."processed_events" (
	"tenant_id" text NOT NULL,
	"event_id" uuid NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_tenant_id_event_id_pk" PRIMARY KEY("tenant_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "identity"."processed_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity"."reset_codes" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reset_codes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "identity"."reset_codes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity"."sms_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"provider" text DEFAULT 'tencent' NOT NULL,
	"sdk_app_id" text NOT NULL,
	"sign_name" text NOT NULL,
	"region" text DEFAULT 'ap-guangzhou' NOT NULL,
	"templates" jsonb NOT NULL,
	"secret_id" text NOT NULL,
	"secret_key_encrypted" text NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity"."sms_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity"."tenant_setup" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"profile" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"live_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity"."tenant_setup" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity"."throttles" (
	"tenant_id" text NOT NULL,
	"key" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "throttles_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
ALTER TABLE "identity"."throttles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."audit_events" ADD COLUMN "actor_user_id" uuid;--> statement-breakpoint
ALTER TABLE "identity"."audit_events" ADD COLUMN "org_id" uuid;--> statement-breakpoint
ALTER TABLE "identity"."audit_events" ADD COLUMN "detail" jsonb;--> statement-breakpoint
ALTER TABLE "identity"."tenants" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity"."tenants" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "identity"."reset_codes" ADD CONSTRAINT "reset_codes_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "identity"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activation_codes_code" ON "identity"."activation_codes" USING btree ("tenant_id","code_hash");--> statement-breakpoint
CREATE INDEX "activation_codes_member" ON "identity"."activation_codes" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE INDEX "appointments_org" ON "identity"."appointments" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "appointments_member" ON "identity"."appointments" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token" ON "identity"."invitations" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE INDEX "message_deliveries_at" ON "identity"."message_deliveries" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "orgs_path" ON "identity"."orgs" USING btree ("tenant_id","path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "outbox_undelivered" ON "identity"."outbox" USING btree ("created_at") WHERE delivered_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "people_user" ON "identity"."people" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "people_org_path" ON "identity"."people" USING btree ("tenant_id","org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_phone" ON "identity"."people" USING btree ("tenant_id","phone");--> statement-breakpoint
CREATE INDEX "reset_codes_user" ON "identity"."reset_codes" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE POLICY "operator_writes" ON "identity"."tenants" AS PERMISSIVE FOR INSERT TO public WITH CHECK ((select current_setting('app.operator', true) = 'on'));--> statement-breakpoint
CREATE POLICY "operator_updates" ON "identity"."tenants" AS PERMISSIVE FOR UPDATE TO public USING ((select current_setting('app.operator', true) = 'on')) WITH CHECK ((select current_setting('app.operator', true) = 'on'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "identity"."activation_codes" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "activation_scope" ON "identity"."activation_codes" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from "identity"."people" p where p.tenant_id = "identity"."activation_codes"."tenant_id" and p.member_id = "identity"."activation_codes"."member_id"));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "identity"."appointments" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "appointment_scope" ON "identity"."appointments" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "identity"."appointments"."org_path") > 0) or "identity"."appointments"."user_id"::text = (select nullif(current_setting('app.user_id', true), '')));--> statement-breakpoint
CREATE POLICY "invitation_tenant" ON "identity"."invitations" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or (select current_setting('app.operator', true) = 'on')) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) or (select current_setting('app.operator', true) = 'on'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "identity"."message_deliveries" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "identity"."orgs" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "identity"."outbox" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "identity"."people" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "people_scope" ON "identity"."people" AS PERMISSIVE FOR ALL TO public USING ((select current_setting('app.tenant_wide', true) = 'on') or "identity"."people"."user_id"::text = (select nullif(current_setting('app.user_id', true), '')) or exists (select 1 from unnest((select string_to_array(nullif(current_setting('app.org_ids', true), ''), ','))) scope(id) where position('/' || scope.id || '/' in "identity"."people"."org_path") > 0));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "identity"."processed_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "identity"."reset_codes" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "department_only" ON "identity"."sms_settings" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and (select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and (select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "tenant_read" ON "identity"."tenant_setup" AS PERMISSIVE FOR SELECT TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "department_writes" ON "identity"."tenant_setup" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and (select current_setting('app.tenant_wide', true) = 'on')) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')) and (select current_setting('app.tenant_wide', true) = 'on'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "identity"."throttles" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));
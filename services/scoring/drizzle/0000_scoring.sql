CREATE SCHEMA "scoring";
--> statement-breakpoint
CREATE TABLE "scoring"."points_ledger" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" text,
	"points" integer NOT NULL,
	"reason" text NOT NULL,
	"source_event_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_ledger_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "scoring"."points_ledger" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scoring"."processed_events" (
	"tenant_id" text NOT NULL,
	"event_id" uuid NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_tenant_id_event_id_pk" PRIMARY KEY("tenant_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "scoring"."processed_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scoring"."members" (
	"tenant_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_tenant_id_member_id_pk" PRIMARY KEY("tenant_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "scoring"."members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "points_ledger_member" ON "scoring"."points_ledger" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "scoring"."points_ledger" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "own_or_department" ON "scoring"."points_ledger" AS PERMISSIVE FOR ALL TO public USING ((current_setting('app.tenant_wide', true) = 'on') or "scoring"."points_ledger"."user_id" = nullif(current_setting('app.user_id', true), ''));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "scoring"."processed_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "scoring"."members" AS PERMISSIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));
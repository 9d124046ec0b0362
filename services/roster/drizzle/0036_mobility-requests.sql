CREATE TYPE "roster"."mobility_request_kind" AS ENUM('outflow', 'return');--> statement-breakpoint
CREATE TYPE "roster"."mobility_request_status" AS ENUM('pending', 'confirmed', 'refused', 'withdrawn');--> statement-breakpoint
CREATE TABLE "roster"."mobility_requests" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" "roster"."mobility_request_kind" NOT NULL,
	"status" "roster"."mobility_request_status" DEFAULT 'pending' NOT NULL,
	"left_on" date,
	"destination_province" text,
	"destination_city" text,
	"reason_code" "roster"."away_reason",
	"reason" text,
	"expected_months" integer,
	"contact_phone" text,
	"returned_on" date,
	"report_activities" text,
	"report_joined_org" text,
	"report_meetings" integer,
	"filed_by" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"refusal_reason" text,
	"outflow_id" uuid,
	CONSTRAINT "mobility_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "mobility_requests_outflow_fields" CHECK (kind <> 'outflow' or (left_on is not null and destination_city is not null)),
	CONSTRAINT "mobility_requests_return_fields" CHECK (kind <> 'return' or returned_on is not null),
	CONSTRAINT "mobility_requests_refusal" CHECK (status <> 'refused' or refusal_reason is not null)
);
--> statement-breakpoint
ALTER TABLE "roster"."mobility_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."mobility_requests" ADD CONSTRAINT "mobility_requests_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mobility_requests_pending" ON "roster"."mobility_requests" USING btree ("tenant_id","member_id","kind") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "mobility_requests_idempotency" ON "roster"."mobility_requests" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "mobility_requests_status" ON "roster"."mobility_requests" USING btree ("tenant_id","status","filed_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."mobility_requests" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "member_visible" ON "roster"."mobility_requests" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from roster.members m where m.tenant_id = "roster"."mobility_requests"."tenant_id" and m.id = "roster"."mobility_requests"."member_id"));--> statement-breakpoint
-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "roster"."mobility_requests" FORCE ROW LEVEL SECURITY;
CREATE TABLE "roster"."lost_contact_proposals" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"source" text NOT NULL,
	"periods" text[] NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"reason" integer,
	"note" text,
	CONSTRAINT "lost_contact_proposals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."lost_contact_proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."lost_contact_proposals" ADD CONSTRAINT "lost_contact_proposals_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lost_contact_pending" ON "roster"."lost_contact_proposals" USING btree ("tenant_id","member_id") WHERE status = 'pending';--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."lost_contact_proposals" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "member_visible" ON "roster"."lost_contact_proposals" AS PERMISSIVE FOR ALL TO public USING (exists (select 1 from roster.members m where m.tenant_id = "roster"."lost_contact_proposals"."tenant_id" and m.id = "roster"."lost_contact_proposals"."member_id"));
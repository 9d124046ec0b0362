CREATE TABLE "roster"."id_card_lookups" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" text NOT NULL,
	"kind" text NOT NULL,
	"id_card_hash" text NOT NULL,
	"member_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "id_card_lookups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "roster"."id_card_lookups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."id_card_lookups" ADD CONSTRAINT "id_card_lookups_tenant_id_member_id_members_tenant_id_id_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "roster"."members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "id_card_lookups_actor_at" ON "roster"."id_card_lookups" USING btree ("tenant_id","actor_user_id","at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "roster"."id_card_lookups" AS RESTRICTIVE FOR ALL TO public USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), ''))) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')));--> statement-breakpoint
CREATE POLICY "lookup_logged" ON "roster"."id_card_lookups" AS PERMISSIVE FOR INSERT TO public WITH CHECK ("roster"."id_card_lookups"."actor_user_id" = (select nullif(current_setting('app.user_id', true), '')));--> statement-breakpoint
CREATE POLICY "lookup_own_or_audit" ON "roster"."id_card_lookups" AS PERMISSIVE FOR SELECT TO public USING (((select current_setting('app.tenant_wide', true) = 'on') or "roster"."id_card_lookups"."actor_user_id" = (select nullif(current_setting('app.user_id', true), ''))));
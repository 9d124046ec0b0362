-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "identity"."tenant_setup" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."outbox" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."processed_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."orgs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."people" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."activation_codes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."reset_codes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."throttles" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."appointments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."sms_settings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."message_deliveries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The platform tenant holds the operators; it exists on every database so the first
-- operator's setup link has somewhere to create the account.
SELECT set_config('app.operator', 'on', true);--> statement-breakpoint
INSERT INTO "identity"."tenants" ("id", "name", "kind") VALUES ('platform', '平台运营', 'platform') ON CONFLICT DO NOTHING;

-- Counties that had orgs before issue 12 were in use, and their flow organizations already in
-- the directory: they are live. Written before FORCE, while the owner is not yet bound by the policy.
INSERT INTO "roster"."county_state" ("tenant_id", "live_at") SELECT DISTINCT "tenant_id", now() FROM "roster"."orgs" ON CONFLICT DO NOTHING;--> statement-breakpoint
-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "roster"."county_state" FORCE ROW LEVEL SECURITY;

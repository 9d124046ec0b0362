-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "scoring"."points_ledger" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scoring"."processed_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scoring"."members" FORCE ROW LEVEL SECURITY;

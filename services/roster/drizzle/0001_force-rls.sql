-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "roster"."orgs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."members" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."outbox" FORCE ROW LEVEL SECURITY;

-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "reporting"."monthly_reports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."outbox" FORCE ROW LEVEL SECURITY;

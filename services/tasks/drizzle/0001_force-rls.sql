-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "tasks"."outbox" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" FORCE ROW LEVEL SECURITY;

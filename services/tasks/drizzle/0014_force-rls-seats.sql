-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "tasks"."seats" FORCE ROW LEVEL SECURITY;

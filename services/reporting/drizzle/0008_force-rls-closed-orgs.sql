-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "reporting"."closed_orgs" FORCE ROW LEVEL SECURITY;

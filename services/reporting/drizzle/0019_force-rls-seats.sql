-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "reporting"."seats" FORCE ROW LEVEL SECURITY;

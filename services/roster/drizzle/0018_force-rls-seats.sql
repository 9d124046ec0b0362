-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "roster"."seats" FORCE ROW LEVEL SECURITY;

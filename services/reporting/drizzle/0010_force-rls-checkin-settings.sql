-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "reporting"."checkin_settings" FORCE ROW LEVEL SECURITY;

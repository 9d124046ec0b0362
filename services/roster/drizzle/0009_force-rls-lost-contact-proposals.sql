-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "roster"."lost_contact_proposals" FORCE ROW LEVEL SECURITY;

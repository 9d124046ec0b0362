-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "roster"."ledger_grants" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Directory entries written before the column existed.
UPDATE "roster"."org_directory" d SET "path" = o."path" FROM "roster"."orgs" o WHERE o."tenant_id" = d."tenant_id" AND o."id" = d."org_id" AND d."path" IS NULL;

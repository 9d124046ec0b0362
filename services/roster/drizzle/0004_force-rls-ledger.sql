-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "roster"."org_changes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."org_directory" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."member_versions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."sensitive_reads" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."outflows" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."placement_proposals" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."contact_attempts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."transfers" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roster"."processed_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Existing members: every ledger field counts as confirmed when the member was created.
UPDATE "roster"."members" SET "ledger_confirmed_at" = "created_at" WHERE "ledger_confirmed_at" IS NULL;--> statement-breakpoint
-- The read log is evidence: nobody, not even the owner, edits or deletes it.
CREATE FUNCTION "roster"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;--> statement-breakpoint
CREATE TRIGGER "sensitive_reads_append_only" BEFORE UPDATE OR DELETE ON "roster"."sensitive_reads"
  FOR EACH ROW EXECUTE FUNCTION "roster"."refuse_change"();--> statement-breakpoint
CREATE TRIGGER "member_versions_append_only" BEFORE UPDATE OR DELETE ON "roster"."member_versions"
  FOR EACH ROW EXECUTE FUNCTION "roster"."refuse_change"();

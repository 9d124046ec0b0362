-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "roster"."id_card_lookups" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The lookup log is evidence, like the read log: nobody, not even the owner, edits or deletes it.
CREATE TRIGGER "id_card_lookups_append_only" BEFORE UPDATE OR DELETE ON "roster"."id_card_lookups"
  FOR EACH ROW EXECUTE FUNCTION "roster"."refuse_change"();

-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "scoring"."members" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scoring"."orgs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scoring"."checkins" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scoring"."scored_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scoring"."rules" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scoring"."thresholds" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scoring"."rule_changes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scoring"."evaluations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "scoring"."evaluation_changes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The points ledger and the histories are evidence (issue 7: "an append-only points ledger";
-- corrections are compensating entries): nobody, not even the owner, edits, deletes or truncates them.
CREATE FUNCTION "scoring"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;--> statement-breakpoint
CREATE TRIGGER "points_ledger_append_only" BEFORE UPDATE OR DELETE ON "scoring"."points_ledger"
  FOR EACH ROW EXECUTE FUNCTION "scoring"."refuse_change"();--> statement-breakpoint
CREATE TRIGGER "points_ledger_no_truncate" BEFORE TRUNCATE ON "scoring"."points_ledger"
  FOR EACH STATEMENT EXECUTE FUNCTION "scoring"."refuse_change"();--> statement-breakpoint
CREATE TRIGGER "rule_changes_append_only" BEFORE UPDATE OR DELETE ON "scoring"."rule_changes"
  FOR EACH ROW EXECUTE FUNCTION "scoring"."refuse_change"();--> statement-breakpoint
CREATE TRIGGER "evaluation_changes_append_only" BEFORE UPDATE OR DELETE ON "scoring"."evaluation_changes"
  FOR EACH ROW EXECUTE FUNCTION "scoring"."refuse_change"();

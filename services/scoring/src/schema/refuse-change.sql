-- The points ledger and the histories are evidence (issue 7: "an append-only points ledger";
-- corrections are compensating entries): nobody, not even the owner, edits, deletes or
-- truncates them. The triggers on points_ledger (also BEFORE TRUNCATE), rule_changes and
-- evaluation_changes call this.
CREATE OR REPLACE FUNCTION "scoring"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;

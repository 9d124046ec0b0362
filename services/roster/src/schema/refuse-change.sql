-- The read logs and the ledger's versions are evidence: nobody, not even the owner, edits or
-- deletes them. The triggers sensitive_reads_append_only, member_versions_append_only and
-- id_card_lookups_append_only (BEFORE UPDATE OR DELETE) call this.
CREATE OR REPLACE FUNCTION "roster"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;

-- The rollups' change marks (issue 15). The points ledger is append-only (refuse_change refuses
-- UPDATE and DELETE), so an insert is its only change; an evaluation marks the months of its
-- proposal and confirmation and its year's December, which keeps the year's evaluation.
CREATE TRIGGER points_ledger_mark_rollup AFTER INSERT ON "scoring"."points_ledger"
  FOR EACH ROW EXECUTE FUNCTION "scoring"."mark_rollup"('period');--> statement-breakpoint
CREATE TRIGGER evaluations_mark_rollup AFTER INSERT OR UPDATE OR DELETE ON "scoring"."evaluations"
  FOR EACH ROW EXECUTE FUNCTION "scoring"."mark_rollup"('proposed_at', 'confirmed_at', 'closing_month');

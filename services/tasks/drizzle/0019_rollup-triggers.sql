-- The rollups' change marks (issue 15): every base table a tasks figure reads marks the month
-- of the column that places a row in a month (tasks/mark-rollup.sql marks the current month too).
CREATE TRIGGER tasks_mark_rollup AFTER INSERT OR UPDATE OR DELETE ON "tasks"."tasks"
  FOR EACH ROW EXECUTE FUNCTION "tasks"."mark_rollup"('published_at');--> statement-breakpoint
CREATE TRIGGER claims_mark_rollup AFTER INSERT OR UPDATE OR DELETE ON "tasks"."claims"
  FOR EACH ROW EXECUTE FUNCTION "tasks"."mark_rollup"('claimed_at');--> statement-breakpoint
CREATE TRIGGER completions_mark_rollup AFTER INSERT OR UPDATE OR DELETE ON "tasks"."completions"
  FOR EACH ROW EXECUTE FUNCTION "tasks"."mark_rollup"('decided_at');

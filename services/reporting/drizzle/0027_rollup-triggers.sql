-- The rollups' change marks on every base table a reporting figure reads (issue 15): monthly
-- reports by their period, the members' copy (stock figures: the month now running), meetings
-- and attendance to the year's end (noInPersonThisYear), check-ins for the destination county.
CREATE TRIGGER monthly_reports_mark_rollup AFTER INSERT OR UPDATE OR DELETE ON "reporting"."monthly_reports" FOR EACH ROW EXECUTE FUNCTION "reporting"."mark_rollup"('period');--> statement-breakpoint
CREATE TRIGGER members_mark_rollup AFTER INSERT OR UPDATE OR DELETE ON "reporting"."members" FOR EACH ROW EXECUTE FUNCTION "reporting"."mark_rollup"();--> statement-breakpoint
CREATE TRIGGER meetings_mark_rollup AFTER INSERT OR UPDATE OR DELETE ON "reporting"."meetings" FOR EACH ROW EXECUTE FUNCTION "reporting"."mark_meeting_rollup"();--> statement-breakpoint
CREATE TRIGGER attendance_mark_rollup AFTER INSERT OR UPDATE OR DELETE ON "reporting"."attendance" FOR EACH ROW EXECUTE FUNCTION "reporting"."mark_meeting_rollup"();--> statement-breakpoint
CREATE TRIGGER checkins_mark_rollup AFTER INSERT OR UPDATE OR DELETE ON "reporting"."checkins" FOR EACH ROW EXECUTE FUNCTION "reporting"."mark_checkin_rollup"();

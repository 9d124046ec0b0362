-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "reporting"."members" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."monthly_report_versions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."checkins" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."meetings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."attendance" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."suggestions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."notifications" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."settings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."contact_tasks" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reporting"."processed_events" FORCE ROW LEVEL SECURITY;

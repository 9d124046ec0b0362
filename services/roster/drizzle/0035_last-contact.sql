CREATE TYPE "roster"."contact_source" AS ENUM('meeting', 'monthly_report', 'contact_attempt', 'dues', 'checkin');--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "last_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "last_contact_source" "roster"."contact_source";--> statement-breakpoint
CREATE INDEX "members_last_contact" ON "roster"."members" USING btree ("tenant_id","last_contact_at");
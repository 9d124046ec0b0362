ALTER TABLE "roster"."member_versions" ADD COLUMN "request_digest" text;--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "request_digest" text;
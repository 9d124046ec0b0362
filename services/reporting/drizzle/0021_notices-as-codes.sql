ALTER TABLE "reporting"."notifications" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting"."notifications" ADD COLUMN "notice" text;--> statement-breakpoint
ALTER TABLE "reporting"."notifications" ADD COLUMN "params" jsonb;--> statement-breakpoint
ALTER TABLE "reporting"."notifications" ADD CONSTRAINT "notifications_says_something" CHECK (("reporting"."notifications"."notice" is not null and "reporting"."notifications"."params" is not null) or "reporting"."notifications"."title" is not null);
ALTER TABLE "scoring"."evaluation_changes" ALTER COLUMN "proposed_grade" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring"."evaluations" ALTER COLUMN "proposed_grade" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring"."thresholds" ADD COLUMN "points_count" boolean DEFAULT false NOT NULL;
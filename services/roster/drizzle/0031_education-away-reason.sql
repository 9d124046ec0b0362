CREATE TYPE "roster"."away_reason" AS ENUM('work', 'business', 'study', 'family', 'other');--> statement-breakpoint
CREATE TYPE "roster"."education" AS ENUM('postgraduate', 'bachelor', 'college', 'secondary_vocational', 'high_school', 'junior_or_below');--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "education" "roster"."education";--> statement-breakpoint
ALTER TABLE "roster"."members" ADD COLUMN "away_reason" "roster"."away_reason";--> statement-breakpoint
ALTER TABLE "roster"."outflows" ADD COLUMN "reason_code" "roster"."away_reason";
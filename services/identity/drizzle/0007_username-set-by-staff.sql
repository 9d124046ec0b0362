ALTER TYPE "identity"."audit_kind" ADD VALUE 'username_changed';--> statement-breakpoint
ALTER TYPE "identity"."audit_kind" ADD VALUE 'reset_refused';--> statement-breakpoint
ALTER TABLE "identity"."users" ADD COLUMN "username_set_by_staff_at" timestamp with time zone;
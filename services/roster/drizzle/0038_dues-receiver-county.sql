ALTER TABLE "roster"."dues_payments" DROP CONSTRAINT "dues_payments_tenant_id_receiver_org_id_orgs_tenant_id_id_fk";
--> statement-breakpoint
-- Every record so far was received in the member's own county.
ALTER TABLE "roster"."dues_payments" ADD COLUMN "receiver_tenant_id" text;--> statement-breakpoint
UPDATE "roster"."dues_payments" SET "receiver_tenant_id" = "tenant_id";--> statement-breakpoint
ALTER TABLE "roster"."dues_payments" ALTER COLUMN "receiver_tenant_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "roster"."dues_payments" ADD CONSTRAINT "dues_payments_receiver" CHECK (receiver_tenant_id = tenant_id or place = 'destination');

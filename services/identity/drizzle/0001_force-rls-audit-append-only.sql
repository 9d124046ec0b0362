-- drizzle-kit enables RLS but cannot force it; forced RLS binds the table owner too.
ALTER TABLE "identity"."tenants" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."users" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."credentials" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."sessions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."role_assignments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."login_attempts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity"."audit_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The audit trail is append-only for everyone, the owner included.
CREATE FUNCTION "identity"."refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'identity.audit_events is append-only';
END $$;--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "identity"."audit_events"
  FOR EACH ROW EXECUTE FUNCTION "identity"."refuse_audit_change"();

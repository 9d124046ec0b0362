-- The audit trail is append-only for everyone, the owner included: the trigger
-- audit_events_append_only (BEFORE UPDATE OR DELETE on identity.audit_events) calls this.
CREATE OR REPLACE FUNCTION "identity"."refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'identity.audit_events is append-only';
END $$;

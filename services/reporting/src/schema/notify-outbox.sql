-- Wakes the outbox relay when a transaction that wrote events commits (issue 16): a statement
-- trigger on reporting.outbox notifies 'tongxin_outbox' with the outbox's name. PostgreSQL delivers a
-- notification at commit, once per transaction and payload, and never for a rollback; the
-- relay listens where its driver can and polls as well (infra/runner/src/relays.ts).
CREATE OR REPLACE FUNCTION "reporting"."notify_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tongxin_outbox', 'reporting');
  RETURN NULL;
END $$;

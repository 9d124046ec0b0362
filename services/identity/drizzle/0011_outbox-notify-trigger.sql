-- The relay's wake-up (issue 16, identity/schema/notify-outbox.sql): one notification per statement
-- that writes events, sent by PostgreSQL at commit.
CREATE TRIGGER outbox_notify AFTER INSERT ON "identity"."outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION "identity"."notify_outbox"();

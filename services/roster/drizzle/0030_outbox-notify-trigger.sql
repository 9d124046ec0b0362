-- The relay's wake-up (issue 16, roster/schema/notify-outbox.sql): one notification per statement
-- that writes events, sent by PostgreSQL at commit.
CREATE TRIGGER outbox_notify AFTER INSERT ON "roster"."outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION "roster"."notify_outbox"();

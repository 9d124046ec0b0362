-- The relay's wake-up (issue 16, reporting/schema/notify-outbox.sql): one notification per statement
-- that writes events, sent by PostgreSQL at commit.
CREATE TRIGGER outbox_notify AFTER INSERT ON "reporting"."outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION "reporting"."notify_outbox"();

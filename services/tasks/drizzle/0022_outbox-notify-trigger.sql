-- The relay's wake-up (issue 16, tasks/schema/notify-outbox.sql): one notification per statement
-- that writes events, sent by PostgreSQL at commit.
CREATE TRIGGER outbox_notify AFTER INSERT ON "tasks"."outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION "tasks"."notify_outbox"();

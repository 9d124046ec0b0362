-- The claim functions run as tongxin_system: only the request role calls them, not PUBLIC
-- (any role of the cluster). The catalog test checks this of every SECURITY DEFINER function.
REVOKE ALL ON FUNCTION tasks.take_place(uuid, text, timestamptz) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION tasks.release_place(uuid, timestamptz) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION tasks.submit_completion(uuid, text, numeric, uuid[], text, text, timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tasks.take_place(uuid, text, timestamptz) TO tongxin_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tasks.release_place(uuid, timestamptz) TO tongxin_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tasks.submit_completion(uuid, text, numeric, uuid[], text, text, timestamptz) TO tongxin_app;

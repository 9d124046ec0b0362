-- One-off repair (issue 13, class A), run once by the migrations' owner. Before issue 13 the
-- copies of check-ins were written from reporting.checkin_accepted, with the destination path
-- the member's client had sent, and stayed when roster then refused the grant; now they are
-- written only from roster.checkin_granted and removed when it is revoked or the check-in ends.
-- An old copy carries nothing that says which event wrote it, so each copy is checked against
-- the rule roster grants by (roster/src/grants/apply-checkin-event.ts), read from this
-- service's own copies of roster's orgs and members: the destination must be an org the
-- directory lists (the department or a flow organization), open, at exactly the copied path,
-- and the member known and not transferred out. A copy that fails had no grant behind it
-- (or one for an org closed since, which takes in no one) and is deleted; a copy that passes
-- is left untouched, as its grant stands or would have been written.
--
-- The rule reads another county's orgs, and forced RLS binds an owner that is not a superuser
-- (as on Neon), so FORCE is lifted for the delete and restored before this migration ends:
-- the migrations run in one transaction, so no other session ever sees the tables unforced.
ALTER TABLE "tasks"."checkins" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."orgs" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."members" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DELETE FROM "tasks"."checkins" k
WHERE NOT EXISTS (
    SELECT 1 FROM "tasks"."orgs" o
    WHERE o.tenant_id = k.dest_tenant_id AND o.org_id = k.dest_org_id AND o.path = k.dest_org_path
      AND o.closed_at IS NULL AND o.kind IN ('department', 'flow_general', 'flow_branch'))
  OR NOT EXISTS (
    SELECT 1 FROM "tasks"."members" m
    WHERE m.tenant_id = k.tenant_id AND m.member_id = k.member_id AND m.status <> 'transferred_out');--> statement-breakpoint
ALTER TABLE "tasks"."checkins" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."orgs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."members" FORCE ROW LEVEL SECURITY;

-- Issue 7: scoring keeps the shared copy of roster's members (@tongxin/copies), whose shape differs
-- (branch, org path, status). The old rows are dropped; roster's events and the seed refill the copy.
-- The ledger's user-based read policy goes too: entries are now visible with their member.
DROP POLICY "tenant_isolation" ON "scoring"."members" CASCADE;--> statement-breakpoint
DROP TABLE "scoring"."members" CASCADE;--> statement-breakpoint
DROP POLICY "own_or_department" ON "scoring"."points_ledger" CASCADE;
ALTER TABLE "tasks"."tasks" DROP CONSTRAINT "tasks_points_range";--> statement-breakpoint
ALTER TABLE "tasks"."task_versions" ADD COLUMN "note" text;--> statement-breakpoint
-- Study is recorded, never scored (issue 17, burden rules): study tasks published with points
-- get a new version at 0, with a note (a code the secretary view words) the publisher reads on the
-- task; claims of them promise 0.
INSERT INTO "tasks"."task_versions" ("tenant_id", "task_id", "version", "terms", "changed_by", "changed_at", "note")
SELECT t."tenant_id", t."id", t."version" + 1, jsonb_set(coalesce(v."terms", '{}'::jsonb), '{points}', '0'::jsonb), 'system', now(),
  'study_no_points'
FROM "tasks"."tasks" t
LEFT JOIN "tasks"."task_versions" v ON v."tenant_id" = t."tenant_id" AND v."task_id" = t."id" AND v."version" = t."version"
WHERE t."kind" = 'study' AND t."points" <> 0;--> statement-breakpoint
UPDATE "tasks"."tasks" SET "points" = 0, "version" = "version" + 1, "updated_at" = now() WHERE "kind" = 'study' AND "points" <> 0;--> statement-breakpoint
UPDATE "tasks"."claims" c SET "points" = 0 FROM "tasks"."tasks" t
WHERE t."tenant_id" = c."tenant_id" AND t."id" = c."task_id" AND t."kind" = 'study' AND c."points" <> 0;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD CONSTRAINT "tasks_points_range" CHECK (("tasks"."tasks"."kind" = 'study' and "tasks"."tasks"."points" = 0) or ("tasks"."tasks"."kind" <> 'study' and "tasks"."tasks"."points" between 1 and 100));
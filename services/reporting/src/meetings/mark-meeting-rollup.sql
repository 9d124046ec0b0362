-- The rollups' change marks for meetings and attendance (issue 15). As reporting.mark_rollup
-- (rollups/mark-rollup.sql), but an in-person attendance counts toward noInPersonThisYear of
-- every month after it in its year, so a change to a meeting or to an attendance at it marks
-- the meeting's month and each month after it up to December of that year or the month now
-- running, whichever is first. Runs as the writer (every row it reads and marks is the
-- writer's tenant's); an attendance's meeting the writer cannot see marks the current month only.
CREATE OR REPLACE FUNCTION "reporting"."mark_meeting_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb;
  started timestamptz;
  current_month text := to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM');
  first_month text;
  last_month text;
BEGIN
  FOREACH changed IN ARRAY ARRAY[to_jsonb(NEW), to_jsonb(OLD)] LOOP
    CONTINUE WHEN changed IS NULL;
    INSERT INTO "reporting"."rollup_marks" (tenant_id, month) VALUES (changed ->> 'tenant_id', current_month) ON CONFLICT DO NOTHING;
    IF TG_TABLE_NAME = 'attendance' THEN
      SELECT mt.starts_at INTO started FROM "reporting"."meetings" mt
        WHERE mt.tenant_id = changed ->> 'tenant_id' AND mt.id = (changed ->> 'meeting_id')::uuid;
    ELSE
      started := (changed ->> 'starts_at')::timestamptz;
    END IF;
    CONTINUE WHEN started IS NULL;
    first_month := to_char(started AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM');
    last_month := greatest(first_month, least(current_month, to_char(started AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-12'));
    INSERT INTO "reporting"."rollup_marks" (tenant_id, month)
      SELECT changed ->> 'tenant_id', to_char(m, 'YYYY-MM')
      FROM generate_series(to_date(first_month, 'YYYY-MM'), to_date(last_month, 'YYYY-MM'), interval '1 month') m
      ON CONFLICT DO NOTHING;
  END LOOP;
  RETURN NULL;
END $$;

-- The rollups' change marks (@tongxin/rollups, issue 15): an AFTER INSERT OR UPDATE OR DELETE
-- row trigger on every base table a tasks figure is computed from. It marks the month now
-- running (stock figures) and, for each column named in the trigger's arguments, the month
-- of its value in the old and the new row (a period 'YYYY-MM', a date or a timestamp), so a
-- late report for last month marks last month. Runs as the writer: rollup_marks lets any
-- transaction of the tenant insert; ON CONFLICT DO NOTHING takes no row lock.
CREATE OR REPLACE FUNCTION "tasks"."mark_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb;
  value text;
  i int;
BEGIN
  FOREACH changed IN ARRAY ARRAY[to_jsonb(NEW), to_jsonb(OLD)] LOOP
    CONTINUE WHEN changed IS NULL;
    INSERT INTO "tasks"."rollup_marks" (tenant_id, month)
      VALUES (changed ->> 'tenant_id', to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'))
      ON CONFLICT DO NOTHING;
    FOR i IN 0 .. TG_NARGS - 1 LOOP
      value := changed ->> TG_ARGV[i];
      CONTINUE WHEN value IS NULL;
      INSERT INTO "tasks"."rollup_marks" (tenant_id, month)
        VALUES (changed ->> 'tenant_id', CASE WHEN value ~ '^\d{4}-\d{2}$' THEN value
                                             ELSE to_char(value::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') END)
        ON CONFLICT DO NOTHING;
    END LOOP;
  END LOOP;
  RETURN NULL;
END $$;

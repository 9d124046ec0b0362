-- The rollups' change marks for check-ins (issue 15). A check-in's figure (checkedInHere, and
-- a flow organization's place among the branches that must hold organizational life) belongs
-- to the destination's county, dest_tenant_id, which is often not the writer's: the member's
-- county requests, withdraws and ends, the destination decides. So this trigger marks the
-- destination county's month now running and the months of decided_at and ended_at, as
-- tongxin_system: rollup_marks lets a transaction insert only its own tenant's marks. It writes
-- nothing but (tenant, month) marks, reads nothing, and cannot be called but as the trigger
-- of reporting.checkins (no EXECUTE for anyone; a trigger's function is not checked when it fires).
CREATE OR REPLACE FUNCTION reporting.mark_checkin_rollup()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
declare
  changed jsonb;
  v_value text;
  v_column text;
begin
  foreach changed in array array[to_jsonb(NEW), to_jsonb(OLD)] loop
    -- A destination outside Tongxin (issue 17) is no county's: nothing to mark.
    continue when changed is null or changed ->> 'dest_tenant_id' is null;
    insert into reporting.rollup_marks (tenant_id, month)
      values (changed ->> 'dest_tenant_id', to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM'))
      on conflict do nothing;
    foreach v_column in array array['decided_at', 'ended_at'] loop
      v_value := changed ->> v_column;
      continue when v_value is null;
      insert into reporting.rollup_marks (tenant_id, month)
        values (changed ->> 'dest_tenant_id', to_char(v_value::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM'))
        on conflict do nothing;
    end loop;
  end loop;
  return null;
end $$;

-- Nobody calls it (not PUBLIC, not the request role): only the trigger fires it.
REVOKE ALL ON FUNCTION reporting.mark_checkin_rollup() FROM PUBLIC;

-- Which published tasks the transaction's member sees (issue 7, visibility): `org` the
-- members whose path passes through the publisher org; `tenant_mobile` the county's mobile
-- and lost-contact members; `flow_org` the members under the flow organization and those
-- with an accepted check-in there, also from another county (tasks.checkins, kept in the
-- member's county). The one statement of the rule: the tasks' read policy (schema/tasks.ts)
-- and take_place (claims/take-place.sql) both call it. It reads the member's own copy rows,
-- under the caller's policies when a policy calls it.
CREATE OR REPLACE FUNCTION tasks.member_sees_task(p_tenant_id text, p_org_id uuid, p_visibility text) RETURNS boolean
LANGUAGE sql STABLE
AS $$
  select exists (
    select 1
    from tasks.members m
    left join tasks.checkins c on c.tenant_id = m.tenant_id and c.member_id = m.member_id
    where m.tenant_id = nullif(current_setting('app.tenant_id', true), '')
      and m.user_id = nullif(current_setting('app.user_id', true), '')
      and m.status <> 'transferred_out'
      and ((m.tenant_id = p_tenant_id and p_visibility in ('org', 'flow_org') and position('/' || p_org_id::text || '/' in m.org_path) > 0)
        or (m.tenant_id = p_tenant_id and p_visibility = 'tenant_mobile' and m.status in ('mobile', 'lost_contact'))
        or (p_visibility = 'flow_org' and c.dest_tenant_id = p_tenant_id and position('/' || p_org_id::text || '/' in c.dest_org_path) > 0)))
$$;

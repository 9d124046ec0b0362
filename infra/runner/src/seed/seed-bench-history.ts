import { monthRange, monthsEndingWith, previousMonth, chinaMonth } from '@tongxin/calendar';
import type { Database } from '@tongxin/db';
import { sql } from 'drizzle-orm';

/**
 * `--months N` of the benchmark seed (issue 15): N months of a county's life before this
 * one, written set-based as the system (a county of 10,000 members has ~200,000 monthly
 * reports in 24 months): monthly reports from about 80 % of the mobile members each month
 * (brief: 12,460 of those required, ≈80 %), acknowledged two days later; a themed party day
 * per branch each month and a members' meeting each quarter, attended by about 60 %; two
 * tasks per township each month (products to sell, jobs to find), claimed by about 3 % of
 * its mobile members each, 70 % of claims approved with a number. Who reports, attends and
 * claims is a hash of the member and the month, so a second run adds nothing (every insert
 * is keyed). No events: the history is there to be counted, not to earn points again.
 */
export async function seedBenchHistory(database: Database, tenantId: string, months: number, now: Date): Promise<Record<string, number>> {
  const db = database.system;
  const span = monthsEndingWith(previousMonth(chinaMonth(now)), months);
  const counts: Record<string, number> = { reports: 0, meetings: 0, attendance: 0, tasks: 0, claims: 0, completions: 0 };
  const count = async (query: ReturnType<typeof sql>) => (await db.execute(query)).rows.length;
  for (const month of span) {
    const { start } = monthRange(month);
    const at = (days: number, hours = 2) => new Date(start.getTime() + (days * 24 + hours) * 3_600_000);
    counts.reports! += await count(sql`
      insert into reporting.monthly_reports (tenant_id, id, user_id, member_id, period, summary, ledger_change, help_wanted, acknowledged_at, acknowledged_by, submitted_at, updated_at)
      select m.tenant_id, gen_random_uuid(), 'seed:' || m.member_id, m.member_id, ${month}, '本月在外务工，一切正常。', 'unchanged', false, ${at(26)}, 'seed', ${at(24)}, ${at(24)}
      from reporting.members m
      where m.tenant_id = ${tenantId} and m.status in ('mobile', 'lost_contact') and m.user_id is null
        and (hashtext(m.member_id::text || ${month}) & 1023) < 820
      on conflict do nothing returning 1`);
    const quarterly = Number(month.slice(5, 7)) % 3 === 0;
    counts.meetings! += await count(sql`
      insert into reporting.meetings (tenant_id, org_id, org_path, kind, title, mode, location, starts_at, ends_at, report_deadline, created_by, idempotency_key)
      select o.tenant_id, o.id, o.path, k.kind::reporting.meeting_kind, k.title, 'both', '村党员活动室', ${at(9)}, ${at(9, 4)}, ${at(12)}, 'seed', 'seed:bench:' || k.kind || ':' || ${month} || ':' || o.id
      from roster.orgs o
      cross join (values ('themed_party_day', ${`${month} 主题党日`}), ('members_meeting', ${quarterly ? `${month} 支部党员大会` : null})) as k(kind, title)
      where o.tenant_id = ${tenantId} and o.kind in ('branch', 'mobile_branch', 'flow_branch') and o.closed_at is null and k.title is not null
      on conflict do nothing returning 1`);
    counts.attendance! += await count(sql`
      insert into reporting.attendance (tenant_id, meeting_id, member_id, response, attendance, recorded_by, updated_at)
      select mt.tenant_id, mt.id, m.member_id, case when m.status = 'resident' then 'in_person' else 'online' end,
             case when m.status = 'resident' then 'in_person' else 'online' end, 'seed', ${at(9, 5)}
      from reporting.meetings mt
      join reporting.members m on m.tenant_id = mt.tenant_id and m.branch_id = mt.org_id
      where mt.tenant_id = ${tenantId} and mt.created_by = 'seed' and mt.starts_at = ${at(9)}
        and (hashtext(m.member_id::text || mt.id::text) & 1023) < 615
      on conflict do nothing returning 1`);
    counts.tasks! += await count(sql`
      insert into tasks.tasks (tenant_id, org_id, org_path, org_name, kind, title, description, target_amount, target_unit, quota, deadline, visibility, evidence, points, status, published_by, published_at, created_at, updated_at, idempotency_key)
      select o.tenant_id, o.org_id, o.path, o.name, k.kind, o.name || ${month} || k.title, k.title, 100, k.unit, null, ${at(28)}, 'org',
             '{"photo":"none","photoReason":null,"text":false,"number":true}'::jsonb, 5, 'published', 'seed', ${at(2)}, ${at(2)}, ${at(2)}, 'seed:bench:' || k.kind || ':' || ${month} || ':' || o.org_id
      from tasks.orgs o
      cross join (values ('sell_products', '帮村里销售农产品', 'boxes'), ('find_jobs', '为脱贫户推荐就业岗位', 'jobs')) as k(kind, title, unit)
      where o.tenant_id = ${tenantId} and o.kind = 'township' and o.closed_at is null
      on conflict do nothing returning 1`);
    counts.claims! += await count(sql`
      insert into tasks.claims (tenant_id, task_id, member_tenant_id, member_id, user_id, member_name, task_version, task_kind, task_title, task_org_id, task_org_path, task_org_name, points, deadline, evidence, target_amount, target_unit, status, claimed_at, updated_at, idempotency_key)
      select t.tenant_id, t.id, m.tenant_id, m.member_id, 'seed:' || m.member_id, m.name, t.version, t.kind, t.title, t.org_id, t.org_path, t.org_name, t.points, t.deadline, t.evidence, t.target_amount, t.target_unit,
             case when (hashtext(m.member_id::text || t.id::text) & 1023) < 717 then 'approved' else 'active' end, ${at(4)}, ${at(4)}, 'seed:bench'
      from tasks.tasks t
      join tasks.members m on m.tenant_id = t.tenant_id and starts_with(m.org_path, t.org_path) and m.status in ('mobile', 'lost_contact')
      where t.tenant_id = ${tenantId} and t.idempotency_key like 'seed:bench:%' and t.published_at = ${at(2)}
        and (hashtext(m.member_id::text || t.id::text || 'claim') & 1023) < 63
      on conflict do nothing returning 1`);
    counts.completions! += await count(sql`
      insert into tasks.completions (tenant_id, claim_id, task_id, member_tenant_id, user_id, task_org_path, version, note, amount, submitted_at, decision, decided_by, decided_at, idempotency_key)
      select c.tenant_id, c.id, c.task_id, c.member_tenant_id, c.user_id, c.task_org_path, 1, '已完成', 1 + (hashtext(c.id::text) & 7), ${at(18)}, 'approved', 'seed', ${at(20)}, 'seed:bench'
      from tasks.claims c
      where c.tenant_id = ${tenantId} and c.status = 'approved' and c.claimed_at = ${at(4)} and c.idempotency_key = 'seed:bench'
      on conflict do nothing returning 1`);
  }
  await db.execute(sql`
    update tasks.tasks t set claimed_count = (select count(*) from tasks.claims c where c.tenant_id = t.tenant_id and c.task_id = t.id and c.status <> 'withdrawn')
    where t.tenant_id = ${tenantId} and t.idempotency_key like 'seed:bench:%'`);
  return counts;
}

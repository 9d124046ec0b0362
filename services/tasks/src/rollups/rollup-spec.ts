import type { MonthWindow, RollupSpec } from '@tongxin/rollups';
import { sql } from 'drizzle-orm';
import { rollupMarks, rollupMonths, rollups } from '../schema.ts';

const instant = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/**
 * Where a claim (and its completion) counts: under the claiming member's path from the member
 * copy when the member is of the task's county; a member checked in from another county counts
 * under the task's org (the flow organization that took them in), a number and nothing of
 * their own county's tree. A claim counts only in the task's county, where it is stored.
 */
const claimPath = sql`case when c.member_tenant_id = c.tenant_id then coalesce(m.org_path, c.task_org_path) else c.task_org_path end`;
const claimMember = sql`left join tasks.members m on c.member_tenant_id = c.tenant_id and m.tenant_id = c.tenant_id and m.member_id = c.member_id`;

/**
 * tasks's rollups (issue 15), per tenant and month:
 * - `tasksPublished`: tasks published in the month (drafts never), under the publisher org;
 * - `claims`: claims taken in the month that still hold their place (a withdrawn claim is
 *   not counted: a withdraw-and-claim-again is one claim, as the task's place counter says);
 * - `completed`: completions approved in the month (study confirmations included);
 * - `outcome:<unit>`: the numbers in those completions, per the unit the claim was promised.
 * Claims, completions and outcomes count under the claiming member (`claimPath`).
 */
export const tasksRollups: RollupSpec = {
  tables: { rollups, rollupMarks, rollupMonths },
  leaves: (tenantId: string, window: MonthWindow) => sql`
    select t.org_path, 'tasksPublished', count(*)::float8
    from tasks.tasks t
    where t.tenant_id = ${tenantId} and t.status <> 'draft' and t.published_at >= ${instant(window.start)} and t.published_at < ${instant(window.end)}
    group by t.org_path
    union all
    select ${claimPath}, 'claims', count(*)::float8
    from tasks.claims c ${claimMember}
    where c.tenant_id = ${tenantId} and c.status <> 'withdrawn' and c.claimed_at >= ${instant(window.start)} and c.claimed_at < ${instant(window.end)}
    group by 1
    union all
    select approved.org_path, a.figure, sum(a.value)
    from (
      select ${claimPath} as org_path, x.amount, c.target_unit
      from tasks.completions x
      join tasks.claims c on c.tenant_id = x.tenant_id and c.id = x.claim_id
      ${claimMember}
      where x.tenant_id = ${tenantId} and x.decision = 'approved' and x.decided_at >= ${instant(window.start)} and x.decided_at < ${instant(window.end)}
    ) approved
    -- Each approved completion is one 'completed' and, with a unit and a number, its outcome.
    cross join lateral (values ('completed', 1::float8), ('outcome:' || approved.target_unit, approved.amount::float8)) as a (figure, value)
    where a.figure is not null and a.value is not null
    group by approved.org_path, a.figure`,
};

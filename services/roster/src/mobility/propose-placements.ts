import type { Tx } from '@tongxin/db';
import { PLACEMENT_AFTER_MONTHS } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';
import { chinaDate } from '@tongxin/calendar';

export const NO_MOBILE_BRANCH_NOTE = 'the village has no mobile-member branch';

/**
 * The 6-month rule (brief: away more than 6 months without transferring → the village's
 * mobile-member branch) for the transaction's tenant: proposes the move for each member who
 * is mobile, away since before today minus PLACEMENT_AFTER_MONTHS, not in a mobile-member or
 * flow branch already (both keep mobile members together) and not in an open transfer. A
 * secretary confirms; nothing moves here.
 *
 * "The village's mobile-member branch" is an open org of kind `mobile_branch` with the same
 * parent as the member's branch (a village's branches hang side by side under its township
 * committee). Where a parent holds several, the one serving the same `place` wins, then the
 * oldest. None → the proposal names no branch and says so in its note.
 *
 * Idempotent: a member with a pending proposal (partial unique index), or any proposal for
 * the same time away (a dismissed one is not proposed again daily), gets none.
 */
export async function proposePlacementsIn(tx: Tx, tenantId: string, now: Date): Promise<number> {
  const cutoff = sql`(${chinaDate(now)}::date - make_interval(months => ${PLACEMENT_AFTER_MONTHS}))::date`;
  const result = await tx.execute(sql`
    insert into roster.placement_proposals (tenant_id, member_id, from_branch_id, to_branch_id, away_since, proposed_at, note)
    select m.tenant_id, m.id, m.branch_id, target.id, m.away_since, ${now.toISOString()}::timestamptz,
           case when target.id is null then ${NO_MOBILE_BRANCH_NOTE} end
    from roster.members m
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    left join lateral (
      select s.id from roster.orgs s
      where s.tenant_id = b.tenant_id and s.parent_id = b.parent_id and s.kind = 'mobile_branch' and s.closed_at is null
      order by (s.place is not distinct from b.place) desc, s.created_at, s.id
      limit 1
    ) target on true
    where m.tenant_id = ${tenantId}
      and m.status = 'mobile'
      and m.away_since < ${cutoff}
      and b.kind not in ('mobile_branch', 'flow_branch')
      and not exists (
        select 1 from roster.placement_proposals p
        where p.tenant_id = m.tenant_id and p.member_id = m.id and (p.status = 'pending' or p.away_since = m.away_since))
      and not exists (
        select 1 from roster.transfers t
        where t.tenant_id = m.tenant_id and t.member_id = m.id and t.status in ('requested', 'origin_approved', 'township_approved'))
    on conflict do nothing
    returning id`);
  return result.rows.length;
}

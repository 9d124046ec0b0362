import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

/** A member's place among the members of their branch for the months (rank and count only). */
export async function memberPosition(tx: Tx, tenantId: string, member: { memberId: string; branchId: string }, from: string, to: string) {
  const result = await tx.execute(sql`
    with mates as (
      select m.member_id from scoring.members m
      where m.tenant_id = ${tenantId} and m.branch_id = ${member.branchId} and (m.status <> 'transferred_out' or m.member_id = ${member.memberId})
    ),
    scored as (
      select t.member_id, coalesce(sum(l.points), 0)::int as points from mates t
      left join scoring.points_ledger l on l.tenant_id = ${tenantId} and l.member_id = t.member_id and l.period >= ${from} and l.period <= ${to}
      group by t.member_id
    )
    select 1 + count(*) filter (where points > (select points from scored where member_id = ${member.memberId}))::int as rank, count(*)::int as of
    from scored`);
  const row = result.rows[0] as { rank: number; of: number } | undefined;
  return { rank: Number(row?.rank ?? 1), of: Number(row?.of ?? 1) };
}

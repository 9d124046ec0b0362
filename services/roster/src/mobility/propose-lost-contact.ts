import { chinaDate, dateStart } from '@tongxin/calendar';
import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { LOST_CONTACT_MONTHS } from './last-contact.ts';

/** The proposal's source when the 6-month rule made it (the ladder's is 'monthly_reports'). */
export const NO_CONTACT_SOURCE = 'no_contact';

/**
 * The day 6 months before `today` (a `YYYY-MM-DD` China date); a day the month lacks is its
 * last (31 August → 28 or 29 February).
 */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * 失联 by the rule (brief: no contact with the organization for 6 months or more, counted
 * from the last organizational life or dues payment) for the transaction's tenant: proposes
 * it for each mobile member whose last contact (`last_contact_at`, or the day they were
 * entered when none is recorded) is on or before today minus 6 months. A secretary confirms
 * with the register's reason code, as for the escalation ladder's proposals; the ladder stays
 * the earlier, softer signal.
 *
 * Idempotent: a member with a pending proposal (partial unique index), or with any proposal
 * made since their last contact (a dismissed one is not made again daily), gets none.
 */
export async function proposeLostContactIn(tx: Tx, tenantId: string, now: Date): Promise<number> {
  const cutoffDay = monthsBefore(chinaDate(now), LOST_CONTACT_MONTHS);
  // Last contact on the cutoff day or before: before the start of the day after it.
  const before = new Date(dateStart(cutoffDay).getTime() + 24 * 3600_000).toISOString();
  const result = await tx.execute(sql`
    insert into roster.lost_contact_proposals (tenant_id, member_id, source, periods, proposed_at)
    select m.tenant_id, m.id, ${NO_CONTACT_SOURCE}, '{}'::text[], ${now.toISOString()}::timestamptz
    from roster.members m
    where m.tenant_id = ${tenantId}
      and m.status = 'mobile'
      and coalesce(m.last_contact_at, m.created_at) < ${before}::timestamptz
      and not exists (
        select 1 from roster.lost_contact_proposals p
        where p.tenant_id = m.tenant_id and p.member_id = m.id
          and (p.status = 'pending' or p.proposed_at >= coalesce(m.last_contact_at, m.created_at)))
    on conflict do nothing
    returning id`);
  return result.rows.length;
}

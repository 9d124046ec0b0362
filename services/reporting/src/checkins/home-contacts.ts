import { selectRows, type Tx } from '@tongxin/db';
import { and, eq, sql } from 'drizzle-orm';
import { checkins, type HomeContact } from '../schema.ts';
import { OPEN_STATUSES } from './checkin-rules.ts';

/**
 * Whom a destination calls about a member (issue 17): the holders of the seats nearest the
 * member's branch on their path (the branch's secretary and deputy; a branch without one, the
 * level above), from reporting's copies of identity's seats and their contacts. The member
 * is left out (a secretary checking in is vouched for by the level above). Read in the member's
 * county, whose transaction sees its seats.
 */
export async function readHomeContacts(tx: Tx, tenantId: string, orgPath: string, memberUserId: string): Promise<HomeContact[]> {
  return selectRows<HomeContact>(tx, sql`
    with held as (
      select c.name, c.phone, length(d.path) as depth
      from reporting.seats s
      join reporting.org_directory d on d.tenant_id = s.tenant_id and d.org_id = s.org_id
      join reporting.seat_contacts c on c.tenant_id = s.tenant_id and c.user_id = s.user_id
      where s.tenant_id = ${tenantId} and s.ended_at is null and s.user_id <> ${memberUserId}
        and left(${orgPath}, length(d.path)) = d.path
    )
    select distinct name, phone from held where depth = (select max(depth) from held) order by name, phone`);
}

/**
 * After a user's seats or contact changed: the open check-ins of members under any org the
 * user holds or held get their home contacts again, so a destination never calls a secretary
 * who stepped down. In the member's county (the seats consumer's tenant-wide transaction).
 */
export async function refreshHomeContacts(tx: Tx, tenantId: string, userId: string): Promise<void> {
  const rows = await selectRows<{ id: string; orgPath: string; userId: string }>(tx, sql`
    select k.id, k.org_path as "orgPath", k.user_id as "userId" from reporting.checkins k
    where k.tenant_id = ${tenantId} and k.dest_tenant_id is not null and k.status in (${sql.join(OPEN_STATUSES.map((s) => sql`${s}`), sql`, `)})
      and exists (select 1 from reporting.seats s where s.tenant_id = k.tenant_id and s.user_id = ${userId}
                  and position('/' || s.org_id || '/' in k.org_path) > 0)`);
  for (const row of rows) {
    const homeContacts = await readHomeContacts(tx, tenantId, row.orgPath, row.userId);
    await tx.update(checkins).set({ homeContacts }).where(and(eq(checkins.tenantId, tenantId), eq(checkins.id, row.id)));
  }
}


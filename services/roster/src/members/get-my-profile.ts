import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

export interface MyProfile {
  id: string;
  name: string;
  status: 'resident' | 'mobile' | 'lost_contact';
  branch: string;
  township: string | null;
  destinationCity: string | null;
}

/** The logged-in member's own row; RLS already limits a member to it. */
export async function getMyProfile(tx: Tx, userId: string): Promise<MyProfile | null> {
  const result = await tx.execute(sql`
    select m.id, m.name, m.status, b.name as branch, t.name as township, m.destination_city as "destinationCity"
    from roster.members m
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    left join roster.orgs t on t.tenant_id = m.tenant_id and t.kind = 'township' and m.org_path like t.path || '%'
    where m.user_id = ${userId}
    limit 1`);
  return (result.rows[0] as unknown as MyProfile | undefined) ?? null;
}

import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

export type LostContactProposalStatus = 'pending' | 'confirmed' | 'dismissed';

export interface LostContactProposalRow {
  id: string;
  memberId: string;
  name: string;
  branch: string;
  periods: string[];
  proposedAt: Date;
  status: LostContactProposalStatus;
}

/** 失联 proposals RLS lets the caller see (those about members they see), newest first. */
export async function listLostContactProposals(tx: Tx, status: LostContactProposalStatus | undefined): Promise<LostContactProposalRow[]> {
  const withStatus = status ? sql`and p.status = ${status}` : sql``;
  const result = await tx.execute(sql`
    select p.id, p.member_id as "memberId", m.name, b.name as branch, p.periods, p.proposed_at as "proposedAt", p.status
    from roster.lost_contact_proposals p
    join roster.members m on m.tenant_id = p.tenant_id and m.id = p.member_id
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    where true ${withStatus}
    order by p.proposed_at desc, m.name
    limit 500`);
  return result.rows as unknown as LostContactProposalRow[];
}

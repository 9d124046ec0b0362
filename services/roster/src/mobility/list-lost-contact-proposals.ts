import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

export type LostContactProposalStatus = 'pending' | 'confirmed' | 'dismissed';

export interface LostContactProposalRow {
  id: string;
  memberId: string;
  name: string;
  branch: string;
  periods: string[];
  /** 'monthly_reports' (the escalation ladder) or 'no_contact' (6 months without contact). */
  source: string;
  /** The member's last contact now (null: none recorded; the rule counts from `enteredAt`). */
  lastContactAt: string | null;
  lastContactSource: string | null;
  enteredAt: string;
  proposedAt: string;
  status: LostContactProposalStatus;
}

/** 失联 proposals RLS lets the caller see (those about members they see), newest first. */
export async function listLostContactProposals(tx: Tx, status: LostContactProposalStatus | undefined): Promise<LostContactProposalRow[]> {
  const withStatus = status ? sql`and p.status = ${status}` : sql``;
  const result = await tx.execute(sql`
    select p.id, p.member_id as "memberId", m.name, b.name as branch, p.periods, p.source,
      m.last_contact_at as "lastContactAt", m.last_contact_source as "lastContactSource", m.created_at as "enteredAt",
      p.proposed_at as "proposedAt", p.status
    from roster.lost_contact_proposals p
    join roster.members m on m.tenant_id = p.tenant_id and m.id = p.member_id
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    where true ${withStatus}
    order by p.proposed_at desc, m.name
    limit 500`);
  // Raw rows carry the driver's own time form (a Date, or PGlite's text): one ISO form out.
  const iso = (value: unknown) => (value == null ? null : new Date(value as string | Date).toISOString());
  return (result.rows as unknown as LostContactProposalRow[]).map((row) => ({
    ...row,
    lastContactAt: iso(row.lastContactAt),
    enteredAt: iso(row.enteredAt)!,
    proposedAt: iso(row.proposedAt)!,
  }));
}

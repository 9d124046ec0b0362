import type { Tx } from '@tongxin/db';
import type { AwayReason } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';

export interface OutflowRow {
  id: string;
  memberId: string;
  name: string;
  leftOn: string;
  destinationProvince: string | null;
  destinationCity: string;
  reasonCode: AwayReason | null;
  reason: string | null;
  expectedMonths: number | null;
  returnedOn: string | null;
  returnNote: string | null;
  createdAt: Date;
}

/** Times away RLS lets the caller see (a member: their own), newest first. */
export async function listOutflows(tx: Tx, memberId: string | undefined): Promise<OutflowRow[]> {
  const forMember = memberId ? sql`and o.member_id = ${memberId}` : sql``;
  const result = await tx.execute(sql`
    select o.id, o.member_id as "memberId", m.name, o.left_on::text as "leftOn",
           o.destination_province as "destinationProvince", o.destination_city as "destinationCity",
           o.reason_code as "reasonCode", o.reason, o.expected_months as "expectedMonths", o.returned_on::text as "returnedOn",
           o.return_note as "returnNote", o.created_at as "createdAt"
    from roster.outflows o
    join roster.members m on m.tenant_id = o.tenant_id and m.id = o.member_id
    where true ${forMember}
    order by o.left_on desc, o.created_at desc
    limit 500`);
  return result.rows as unknown as OutflowRow[];
}

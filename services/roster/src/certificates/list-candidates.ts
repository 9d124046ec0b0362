import { inSubtree, selectRows, type Tx } from '@tongxin/db';
import type { AwayReason } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';

export interface CertificateCandidate {
  memberId: string;
  name: string;
  branchName: string;
  leftOn: string | null;
  destinationProvince: string | null;
  destinationCity: string | null;
  reasonCode: AwayReason | null;
  expectedMonths: number | null;
}

/**
 * Members a committee may issue a certificate to: away (mobile) under its org, holding no
 * valid certificate, with what the certificate will say (the open outflow, else the ledger),
 * so the issue form asks only for the end date. `search` narrows by name; at most 50.
 */
export async function listCandidates(tx: Tx, orgPath: string, search: string | undefined): Promise<CertificateCandidate[]> {
  const named = search ? sql`and strpos(m.name, ${search}) > 0` : sql``;
  return selectRows<CertificateCandidate>(tx, sql`
    select m.id as "memberId", m.name, b.name as "branchName", coalesce(o.left_on, m.away_since)::text as "leftOn",
           coalesce(o.destination_province, m.destination_province) as "destinationProvince",
           coalesce(o.destination_city, m.destination_city) as "destinationCity",
           coalesce(o.reason_code, m.away_reason) as "reasonCode", o.expected_months as "expectedMonths"
    from roster.members m
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    left join roster.outflows o on o.tenant_id = m.tenant_id and o.member_id = m.id and o.returned_on is null
    where m.status = 'mobile' and ${inSubtree(sql`m.org_path`, orgPath)} ${named}
      and not exists (select 1 from roster.certificates c where c.tenant_id = m.tenant_id and c.member_id = m.id and c.status = 'valid')
    order by m.name, m.id
    limit 50`);
}

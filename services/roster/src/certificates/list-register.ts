import { chinaDate } from '@tongxin/calendar';
import { inSubtree, selectRows, type Tx } from '@tongxin/db';
import type { CertificateRegisterRow, CertificateStatus } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';
import { checkedInWith } from './checked-in-with.ts';
import { effectiveStatus } from './find-certificate.ts';

export interface RegisterFilter {
  year?: number | undefined;
  status?: CertificateStatus | undefined;
}

/**
 * The certificate register (登记簿) of the members under an org (a committee's, the county's
 * for the department; null: all RLS shows), in the order the certificates were numbered:
 * the official columns plus the state a reader needs (issue 17). A year of a county is a few
 * hundred lines: no paging.
 */
export async function listRegister(tx: Tx, orgPath: string | null, filter: RegisterFilter, now: Date): Promise<CertificateRegisterRow[]> {
  const today = chinaDate(now);
  const under = orgPath ? sql`and ${inSubtree(sql`m.org_path`, orgPath)}` : sql``;
  const inYear = filter.year ? sql`and c.year = ${filter.year}` : sql``;
  // Expired counts the valid ones past their end that the daily job has not marked yet.
  const inStatus =
    filter.status === 'valid' ? sql`and c.status = 'valid' and c.valid_until >= ${today}::date`
    : filter.status === 'expired' ? sql`and (c.status = 'expired' or (c.status = 'valid' and c.valid_until < ${today}::date))`
    : filter.status ? sql`and c.status = ${filter.status}`
    : sql``;
  const rows = await selectRows<CertificateRegisterRow>(tx, sql`
    select c.id, c.number, c.holder_name as "holderName", m.gender, c.branch_name as "branchName", c.issuer_name as "issuerName",
           c.destination_province as "destinationProvince", c.destination_city as "destinationCity", c.reason_code as "reasonCode", c.reason,
           c.left_on::text as "leftOn", c.issued_on::text as "issuedOn", c.valid_until::text as "validUntil", c.status,
           c.handed_back_on::text as "handedBackOn", c.not_transferable_reason as "notTransferableReason", c.close_note as "closeNote",
           c.revoke_reason as "revokeReason", c.report_activities as "reportActivities", c.report_joined_org as "reportJoinedOrg",
           c.report_meetings as "reportMeetings", ${checkedInWith} as "checkedInWith"
    from roster.certificates c
    join roster.members m on m.tenant_id = c.tenant_id and m.id = c.member_id
    where true ${under} ${inYear} ${inStatus}
    order by c.year desc, c.seq desc
    limit 2000`);
  return rows.map((row) => ({ ...row, status: effectiveStatus(row, today) }));
}

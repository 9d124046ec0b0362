import { inSubtree, selectRows, type Tx } from '@tongxin/db';
import type { LetterPurpose } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';

export interface LetterRow {
  id: string;
  holderName: string;
  branchName: string;
  issuerName: string;
  purpose: LetterPurpose;
  destination: string;
  fromOn: string;
  toOn: string;
  issuedOn: string;
  note: string | null;
}

/** The letters written for the members under an org (null: all RLS shows), newest first; at most 500. */
export function listLetters(tx: Tx, orgPath: string | null): Promise<LetterRow[]> {
  const under = orgPath ? sql`and ${inSubtree(sql`m.org_path`, orgPath)}` : sql``;
  return selectRows<LetterRow>(tx, sql`
    select l.id, l.holder_name as "holderName", l.branch_name as "branchName", l.issuer_name as "issuerName", l.purpose, l.destination,
           l.from_on::text as "fromOn", l.to_on::text as "toOn", l.issued_on::text as "issuedOn", l.note
    from roster.certificate_letters l
    join roster.members m on m.tenant_id = l.tenant_id and m.id = l.member_id
    where true ${under}
    order by l.issued_on desc, l.created_at desc
    limit 500`);
}

import { inSubtree, type Tx } from '@tongxin/db';
import { maskIdCard, type MemberStatus } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';
import { sensitiveReads } from '../schema.ts';
import type { ExportRow } from '@tongxin/ledger/xlsx/fields';

export type ExportKind = 'roster' | 'ledger';

export interface ExportOptions {
  tenantId: string;
  /** Narrow to one org's subtree (already checked to be in scope); RLS does the rest. */
  pathPrefix: string | null;
  kind: ExportKind;
  /** The cursor from the previous page. */
  after: Cursor | null;
  limit: number;
  /** Full ID-card numbers (the department only): each exported member leaves a sensitive_reads row. */
  fullIdCards: { actorUserId: string; now: Date } | null;
}

/** Keyset position: branch name, member name, member id (the export's order). */
export type Cursor = [string, string, string];

/** One exported member: the row both workbooks (@tongxin/ledger/xlsx) are built from. */
export type ExportedMember = ExportRow;


/**
 * One page of an export, ordered by branch then name, with a keyset cursor (a county of
 * 10,000 members exports in a few pages without OFFSET scans). Transferred-out records are
 * closed and left out; the ledger (流动党员信息台账) lists mobile and lost-contact members.
 */
export async function exportRows(tx: Tx, options: ExportOptions): Promise<{ rows: ExportedMember[]; next: Cursor | null }> {
  const where = [sql`m.status <> 'transferred_out'`];
  if (options.kind === 'ledger') where.push(sql`m.status in ('mobile', 'lost_contact')`);
  if (options.pathPrefix) where.push(inSubtree(sql`m.org_path`, options.pathPrefix));
  if (options.after) where.push(sql`(b.name, m.name, m.id) > (${options.after[0]}, ${options.after[1]}, ${options.after[2]}::uuid)`);
  const result = await tx.execute(sql`
    select m.id, m.name, m.gender, m.birth_date::text as "birthDate", m.id_card_number as "idCardNumber", m.phone,
           m.joined_on::text as "joinedOn", m.education, b.name as branch, m.status,
           m.destination_province as "destinationProvince", m.destination_city as "destinationCity", m.employer, m.occupation,
           m.residential_address as "residentialAddress", m.destination_phone as "destinationPhone",
           m.destination_org_name as "destinationOrgName", m.destination_org_leader as "destinationOrgLeader",
           m.destination_org_contact as "destinationOrgContact", m.away_since::text as "awaySince", m.away_reason as "awayReason"
    from roster.members m
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    where ${sql.join(where, sql` and `)}
    order by b.name, m.name, m.id
    limit ${options.limit + 1}`);
  const found = result.rows as unknown as (ExportedMember & { id: string })[];
  const page = found.slice(0, options.limit);
  const last = page.at(-1);
  const next: Cursor | null = found.length > options.limit && last ? [last.branch, last.name, last.id] : null;

  if (options.fullIdCards) {
    const { actorUserId, now } = options.fullIdCards;
    const read = page.filter((m) => m.idCardNumber);
    if (read.length > 0) {
      await tx.insert(sensitiveReads).values(read.map((m) => ({ tenantId: options.tenantId, memberId: m.id, field: 'idCardNumber', actorUserId, at: now })));
    }
  }
  const rows = page.map(({ id: _id, ...member }) => (options.fullIdCards ? member : { ...member, idCardNumber: maskIdCard(member.idCardNumber) }));
  return { rows, next };
}

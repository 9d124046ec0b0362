import { maskIdCard, type MemberStatus, idCardBlindIndex } from '@tongxin/ledger';
import type { Tx } from '@tongxin/db';
import { sql, type SQL } from 'drizzle-orm';
import { LEDGER_STATUSES, staleCutoff } from './ledger-staleness.ts';
import { chinaDate, dateStart } from '@tongxin/calendar';
import { monthsBefore } from '../mobility/propose-lost-contact.ts';
import { awayOn } from './away-on.ts';
import type { ContactSource } from '../schema/members.ts';

export interface MemberListItem {
  id: string;
  name: string;
  gender: 'male' | 'female' | null;
  idCardMasked: string | null;
  phone: string | null;
  branchId: string;
  branch: string;
  status: MemberStatus;
  destinationCity: string | null;
  employer: string | null;
  ledgerConfirmedAt: string | null;
  stale: boolean;
  /** The last contact with the organization (mobility/last-contact.ts), null when none is recorded. */
  lastContactAt: string | null;
  lastContactSource: ContactSource | null;
}

export interface ListMembersOptions {
  /** A condition on m.org_path naming the subtrees to list; null = every member the policies show. */
  within: SQL | null;
  /** The caller's county: it salts the ID-card blind index. */
  tenantId: string;
  /** A name fragment, the first digits of a phone, or a whole ID-card number. */
  search?: string | undefined;
  status?: MemberStatus | undefined;
  destinationCity?: string | undefined;
  stale?: boolean | undefined;
  lostContact?: boolean | undefined;
  /** Mobile or lost contact: every member away from home, as the rollups count 流动党员. */
  away?: boolean | undefined;
  /** Checked in with a destination now: an active grant, as the rollups count 已报到. */
  checkedIn?: boolean | undefined;
  /** Only members without contact for at least this many months (none recorded: counted from when they were entered). */
  noContactMonths?: number | undefined;
  page: number;
  pageSize: number;
  now: Date;
}

/** The blind index of a whole ID-card number (`@tongxin/ledger`, the same as the column's SQL). */
export const idCardHash = (tenantId: string, idCardNumber: string) => idCardBlindIndex(tenantId, idCardNumber);

const WHOLE_ID_CARD = /^\d{17}[\dX]$/i;

/** The search when it is a whole ID-card number: such a search is an ID read, logged and limited (id-card-lookups.ts). */
export const wholeIdCardIn = (search: string | undefined): string | null => {
  const text = search?.trim();
  return text && WHOLE_ID_CARD.test(text) ? text.toUpperCase() : null;
};

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** True when the member's ledger is stale at `cutoff` (see ledger-staleness.ts). */
function staleSql(cutoff: Date): SQL {
  const statuses = sql.join(LEDGER_STATUSES.map((s) => sql`${s}`), sql`, `);
  return sql`(m.status in (${statuses}) and (m.ledger_confirmed_at is null or m.ledger_confirmed_at < ${cutoff.toISOString()}::timestamptz))`;
}

function filters(options: ListMembersOptions, stale: SQL): SQL[] {
  const noContactCutoff = (now: Date, months: number) => new Date(dateStart(monthsBefore(chinaDate(now), months)).getTime() + 24 * 3600_000);
  const where: SQL[] = [];
  if (options.within) where.push(options.within);
  const search = options.search?.trim();
  if (search) {
    // A whole ID-card number matches through its blind index, digits otherwise a phone
    // prefix; anything else is a fragment of the name.
    if (wholeIdCardIn(search)) where.push(sql`m.id_card_hash = ${idCardHash(options.tenantId, search)}`);
    else if (/^\d+$/.test(search)) where.push(sql`m.phone like ${search + '%'}`);
    else where.push(sql`m.name ilike ${'%' + likeEscape(search) + '%'}`);
  }
  if (options.status) where.push(sql`m.status = ${options.status}`);
  if (options.destinationCity) where.push(sql`m.destination_city = ${options.destinationCity}`);
  if (options.lostContact !== undefined) where.push(options.lostContact ? sql`m.status = 'lost_contact'` : sql`m.status <> 'lost_contact'`);
  if (options.stale !== undefined) where.push(options.stale ? stale : sql`not ${stale}`);
  if (options.away !== undefined) {
    const away = awayOn(chinaDate(options.now));
    where.push(options.away ? away : sql`not ${away}`);
  }
  if (options.checkedIn !== undefined) {
    const active = sql`exists (select 1 from roster.ledger_grants g where g.tenant_id = m.tenant_id and g.member_id = m.id and g.revoked_at is null)`;
    where.push(options.checkedIn ? active : sql`not ${active}`);
  }
  if (options.noContactMonths !== undefined) {
    const since = noContactCutoff(options.now, options.noContactMonths);
    where.push(sql`coalesce(m.last_contact_at, m.created_at) < ${since.toISOString()}::timestamptz`);
  }
  return where;
}

/**
 * One page of the members RLS lets the caller see, filtered. One statement: the total comes
 * with the page (count(*) over ()), a second only when the page is past the end.
 */
export async function listMembers(tx: Tx, options: ListMembersOptions) {
  const stale = staleSql(staleCutoff(options.now));
  const where = filters(options, stale);
  const condition = where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``;
  const offset = (options.page - 1) * options.pageSize;
  const result = await tx.execute(sql`
    select m.id, m.name, m.gender, m.id_card_number as "idCardNumber", m.phone, m.branch_id as "branchId",
           b.name as branch, m.status, m.destination_city as "destinationCity", m.employer,
           m.ledger_confirmed_at as "ledgerConfirmedAt", ${stale} as stale,
           m.last_contact_at as "lastContactAt", m.last_contact_source as "lastContactSource", count(*) over () as total
    from roster.members m
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    ${condition}
    order by m.name, m.id
    limit ${options.pageSize} offset ${offset}`);
  type Row = Omit<MemberListItem, 'idCardMasked' | 'ledgerConfirmedAt' | 'lastContactAt'> & {
    idCardNumber: string | null; ledgerConfirmedAt: string | Date | null; lastContactAt: string | Date | null; total: string | number;
  };
  const rows = result.rows as unknown as Row[];
  const total = rows.length > 0 ? Number(rows[0]!.total) : await countMembers(tx, condition);
  const items: MemberListItem[] = rows.map(({ total: _t, idCardNumber, ledgerConfirmedAt, lastContactAt, ...row }) => ({
    ...row,
    idCardMasked: maskIdCard(idCardNumber),
    ledgerConfirmedAt: ledgerConfirmedAt ? new Date(ledgerConfirmedAt).toISOString() : null,
    lastContactAt: lastContactAt ? new Date(lastContactAt).toISOString() : null,
  }));
  return { items, total, page: options.page, pageSize: options.pageSize };
}

async function countMembers(tx: Tx, condition: SQL): Promise<number> {
  const result = await tx.execute(sql`select count(*)::int as n from roster.members m ${condition}`);
  return Number((result.rows[0] as { n: number }).n);
}

import { inSubtree, selectRows, type Tx } from '@tongxin/db';
import { isQuarter, monthsOfPeriod, quarterOfMonth, type DuesBand, type DuesSchedule } from '@tongxin/ledger';
import { sql, type SQL } from 'drizzle-orm';
import type { DuesPaymentView } from './member-dues-record.ts';

export interface DuesTableRow {
  memberId: string;
  name: string;
  branchName: string;
  /** member: under the org at home; checkedIn: checked in with it from another branch of the county. */
  source: 'member' | 'checked_in';
  schedule: DuesSchedule | null;
  band: DuesBand | null;
  /** The member's period the row is about: the month, or the quarter it is in for a quarterly payer. */
  period: string;
  /** Null while no schedule is set (or the period is before the first month recorded). */
  dueFen: number | null;
  paidFen: number;
  unpaidFen: number | null;
  payments: DuesPaymentView[];
}

export interface DuesTable {
  period: string;
  rows: DuesTableRow[];
  totals: { members: number; dueFen: number; paidFen: number; unpaidFen: number; unpaidMembers: number; notSet: number };
}

interface Line {
  memberId: string;
  name: string;
  branchName: string;
  schedule: DuesSchedule | null;
  band: DuesBand | null;
  monthlyDueFen: number | null;
  dueFrom: string | null;
}

/**
 * A branch's or a township's dues table for a month or a quarter (issue 17): each member under
 * the org, what their period was due, what was paid, what is unpaid, and the totals. For a
 * month, a quarterly payer's row is the quarter the month is in; for a quarter, a monthly
 * payer's row adds up its three months. Months before the member's first recorded month are
 * not due. A flow organization's table also lists the members of the county checked in with it.
 */
export async function listDuesTable(tx: Tx, tenantId: string, orgPath: string, period: string): Promise<DuesTable> {
  const members = await selectRows<Line>(tx, sql`
    select m.id as "memberId", m.name, b.name as "branchName", d.schedule, d.band, d.monthly_due_fen as "monthlyDueFen", d.due_from as "dueFrom"
    from roster.members m
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    left join roster.dues_members d on d.tenant_id = m.tenant_id and d.member_id = m.id
    where m.tenant_id = ${tenantId} and ${inSubtree(sql`m.org_path`, orgPath)} and m.status <> 'transferred_out'`);
  // Checked in with the org or one below it, from this county: the grant's copy names them.
  const checkedIn = await selectRows<Line>(tx, sql`
    select distinct on (g.member_id) g.member_id as "memberId", coalesce(g.data->>'name', '') as name, coalesce(g.data->>'originBranch', '') as "branchName",
           d.schedule, d.band, d.monthly_due_fen as "monthlyDueFen", d.due_from as "dueFrom"
    from roster.ledger_grants g
    left join roster.dues_members d on d.tenant_id = g.tenant_id and d.member_id = g.member_id
    where g.tenant_id = ${tenantId} and g.grantee_tenant_id = ${tenantId} and g.revoked_at is null
      and ${inSubtree(sql`g.grantee_org_path`, orgPath)}
    order by g.member_id, g.granted_at desc`);
  const home = new Set(members.map((m) => m.memberId));
  const lines = [...members.map((m) => ({ ...m, source: 'member' as const })), ...checkedIn.filter((m) => !home.has(m.memberId)).map((m) => ({ ...m, source: 'checked_in' as const }))];

  const periods = isQuarter(period) ? [period, ...monthsOfPeriod(period)] : [period, quarterOfMonth(period)];
  const ids = lines.map((l) => l.memberId);
  const payments = ids.length === 0 ? [] : await standingPayments(tx, tenantId, sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `), periods);
  const byMember = new Map<string, (DuesPaymentView & { memberId: string })[]>();
  for (const p of payments) byMember.set(p.memberId, [...(byMember.get(p.memberId) ?? []), p]);

  const rows = lines.map((line): DuesTableRow => {
    const rowPeriod = line.schedule === 'quarterly' ? (isQuarter(period) ? period : quarterOfMonth(period)) : period;
    // The periods a record may have for this row: the quarter itself, or the month(s).
    const recordPeriods = line.schedule === 'quarterly' || !isQuarter(period) ? [rowPeriod] : monthsOfPeriod(period);
    const paid = (byMember.get(line.memberId) ?? []).filter((p) => recordPeriods.includes(p.period));
    let dueFen: number | null = null;
    if (line.monthlyDueFen !== null && line.dueFrom !== null) {
      dueFen = 0;
      for (const p of recordPeriods) {
        const record = paid.find((r) => r.period === p);
        const dueMonths = monthsOfPeriod(p).filter((m) => m >= line.dueFrom!).length;
        dueFen += record ? record.dueFen : line.monthlyDueFen * dueMonths;
      }
    }
    const paidFen = paid.reduce((sum, p) => sum + p.paidFen, 0);
    return {
      memberId: line.memberId,
      name: line.name,
      branchName: line.branchName,
      source: line.source,
      schedule: line.schedule,
      band: line.band,
      period: rowPeriod,
      dueFen,
      paidFen,
      unpaidFen: dueFen === null ? null : Math.max(0, dueFen - paidFen),
      payments: paid.map(({ memberId: _m, ...p }) => p),
    };
  });
  rows.sort((a, b) => (a.source === b.source ? 0 : a.source === 'member' ? -1 : 1) || a.branchName.localeCompare(b.branchName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN') || a.memberId.localeCompare(b.memberId));
  return {
    period,
    rows,
    totals: {
      members: rows.length,
      dueFen: rows.reduce((sum, r) => sum + (r.dueFen ?? 0), 0),
      paidFen: rows.reduce((sum, r) => sum + r.paidFen, 0),
      unpaidFen: rows.reduce((sum, r) => sum + (r.unpaidFen ?? 0), 0),
      unpaidMembers: rows.filter((r) => (r.unpaidFen ?? 0) > 0).length,
      notSet: rows.filter((r) => r.dueFen === null).length,
    },
  };
}

async function standingPayments(tx: Tx, tenantId: string, memberIds: SQL, periods: string[]) {
  const rows = await selectRows<DuesPaymentView & { memberId: string }>(tx, sql`
    select id, member_id as "memberId", period, due_fen as "dueFen", paid_fen as "paidFen", paid_on::text as "paidOn", place,
           receiver_org_name as "receiverOrgName", certificate_number as "certificateNumber", voided_at as "voidedAt", void_reason as "voidReason"
    from roster.dues_payments
    where tenant_id = ${tenantId} and voided_at is null and member_id in (${memberIds})
      and period in (${sql.join(periods.map((p) => sql`${p}`), sql`, `)})`);
  return rows.map((r) => ({ ...r, voidedAt: null }));
}

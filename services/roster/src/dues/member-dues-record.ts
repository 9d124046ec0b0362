import { chinaMonth } from '@tongxin/calendar';
import { selectRows, type Tx } from '@tongxin/db';
import { DomainError } from '@tongxin/errors';
import { dueForPeriod, lastMonthOf, monthsBetween, periodOfMonth, type DuesBand, type DuesPlace, type DuesSchedule } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';

export interface DuesPaymentView {
  id: string;
  period: string;
  dueFen: number;
  paidFen: number;
  paidOn: string;
  place: DuesPlace;
  receiverOrgName: string;
  certificateNumber: string | null;
  voidedAt: string | null;
  voidReason: string | null;
}

export interface DuesPeriodLine {
  period: string;
  dueFen: number;
  paidFen: number;
  /** paid: a standing record; due: the running period, unpaid so far; arrears: an ended period without a record. */
  state: 'paid' | 'due' | 'arrears';
  payment: DuesPaymentView | null;
}

export interface MemberDuesRecord {
  memberId: string;
  name: string;
  settings: { schedule: DuesSchedule; band: DuesBand; monthlyDueFen: number; dueFrom: string } | null;
  /** From the first month recorded to the running period, newest first. */
  periods: DuesPeriodLine[];
  arrearsFen: number;
  arrearsPeriods: number;
  /** Voided records and records of periods outside the schedule (a schedule changed since), newest first. */
  otherPayments: DuesPaymentView[];
}

/**
 * One member's dues as the member and their home secretary read it: every period from the
 * month Tongxin first recorded, by the current schedule, with what was due, what was paid,
 * where and to whom; arrears are ended periods without a standing record.
 */
export async function readMemberDues(tx: Tx, member: { tenantId: string; id: string; name: string }, now: Date): Promise<MemberDuesRecord> {
  const [settings] = await selectRows<{ schedule: DuesSchedule; band: DuesBand; monthlyDueFen: number; dueFrom: string }>(tx, sql`
    select schedule, band, monthly_due_fen as "monthlyDueFen", due_from as "dueFrom"
    from roster.dues_members where tenant_id = ${member.tenantId} and member_id = ${member.id}::uuid`);
  const payments = await selectRows<DuesPaymentView>(tx, sql`
    select id, period, due_fen as "dueFen", paid_fen as "paidFen", paid_on::text as "paidOn", place,
           receiver_org_name as "receiverOrgName", certificate_number as "certificateNumber",
           voided_at as "voidedAt", void_reason as "voidReason"
    from roster.dues_payments where tenant_id = ${member.tenantId} and member_id = ${member.id}::uuid
    order by period desc, created_at desc`);
  const views = payments.map((p) => ({ ...p, voidedAt: p.voidedAt ? new Date(p.voidedAt).toISOString() : null }));
  const standing = new Map(views.filter((p) => !p.voidedAt).map((p) => [p.period, p]));
  const month = chinaMonth(now);
  const periods: DuesPeriodLine[] = [];
  if (settings) {
    const seen = new Set<string>();
    for (const m of monthsBetween(settings.dueFrom, month)) {
      const period = periodOfMonth(settings.schedule, m);
      if (seen.has(period)) continue;
      seen.add(period);
      const payment = standing.get(period) ?? null;
      const dueFen = payment?.dueFen ?? dueForPeriod(settings.monthlyDueFen, period);
      const state = payment ? 'paid' : lastMonthOf(period) >= month ? 'due' : 'arrears';
      periods.push({ period, dueFen, paidFen: payment?.paidFen ?? 0, state, payment });
    }
    periods.reverse();
  }
  const listed = new Set(periods.map((p) => p.payment?.id).filter(Boolean));
  const arrears = periods.filter((p) => p.state === 'arrears');
  return {
    memberId: member.id,
    name: member.name,
    settings: settings ?? null,
    periods,
    arrearsFen: arrears.reduce((sum, p) => sum + p.dueFen, 0),
    arrearsPeriods: arrears.length,
    otherPayments: views.filter((p) => !listed.has(p.id)),
  };
}

/** The member's own record: their row is the one whose account is the caller (RLS shows no other). */
export async function readMyDues(tx: Tx, tenantId: string, userId: string, now: Date): Promise<MemberDuesRecord> {
  const [me] = await selectRows<{ id: string; name: string }>(tx, sql`
    select id, name from roster.members where tenant_id = ${tenantId} and user_id = ${userId}`);
  if (!me) throw new DomainError('no_member_record', { message: 'No member record is linked to this account' });
  return readMemberDues(tx, { tenantId, ...me }, now);
}

import { chinaDate, chinaMonth, dateStart } from '@tongxin/calendar';
import { selectRows, type Tx } from '@tongxin/db';
import { DomainError, badField } from '@tongxin/errors';
import { dueForPeriod, firstMonthOf, isQuarter, monthsOfPeriod, quarterOfMonth, scheduleOfPeriod, type DuesPlace } from '@tongxin/ledger';
import { DECIDES_ABOUT_ONESELF, type Caller } from '@tongxin/trpc';
import { and, eq, sql } from 'drizzle-orm';
import { keyUsedForAnotherRequest, requestDigest } from '../members/request-digest.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { noteContact } from '../mobility/last-contact.ts';
import { duesMembers, duesPayments } from '../schema.ts';
import { findDuesSubject, memberNotFound } from './find-dues-subject.ts';

export interface RecordPaymentInput {
  memberId: string;
  period: string;
  paidFen: number;
  paidOn: string;
  idempotencyKey: string;
}

export interface RecordedPayment {
  paymentId: string;
  period: string;
  dueFen: number;
  paidFen: number;
  place: DuesPlace;
  certificateNumber: string | null;
}

/**
 * The secretary who received a member's dues records it (issue 17; a record, no money moves):
 * the period by the member's schedule, what was paid and when, at home or at the destination
 * with the member's valid activity certificate, which the record names. Refused, nothing
 * written: a member without a schedule (dues_not_set), a period of the other schedule, one
 * not yet begun, or one already recorded or overlapping a recorded one (a month inside a
 * recorded quarter; a correction voids the record first), a payment date in the future, at
 * the destination without a valid certificate. The payment is contact with the organization
 * for the 6-month rule, noted in the same transaction. A retry with the same key answers the
 * first record; the key sent with other content is CONFLICT.
 */
export async function recordPayment(tx: Tx, caller: Caller, input: RecordPaymentInput, now: Date): Promise<RecordedPayment> {
  const digest = await requestDigest(caller.userId, 'dues.record', { ...input });
  const retried = await byKey(tx, caller.tenantId, input.idempotencyKey);
  if (retried) {
    if (retried.requestDigest !== digest) throw keyUsedForAnotherRequest();
    return answer(retried);
  }

  const subject = await findDuesSubject(tx, caller, input.memberId);
  if ('checkedInFrom' in subject) return recordAsDestination(tx, input, digest, now);
  const { member } = subject;
  // The member's row lock serializes payments for one member, so overlapping periods cannot race.
  const [settings] = await tx
    .select()
    .from(duesMembers)
    .where(and(eq(duesMembers.tenantId, member.tenantId), eq(duesMembers.memberId, member.id)))
    .for('update');
  if (!settings) throw badField('memberId', 'dues_not_set');
  if (scheduleOfPeriod(input.period) !== settings.schedule) throw badField('period', 'dues_period_schedule');
  if (firstMonthOf(input.period) > chinaMonth(now)) throw badField('period', 'dues_period_future');
  if (input.paidOn > chinaDate(now)) throw badField('paidOn', 'future_date');

  const overlapping = isQuarter(input.period) ? [input.period, ...monthsOfPeriod(input.period)] : [input.period, quarterOfMonth(input.period)];
  const [recorded] = await selectRows<{ period: string }>(tx, sql`
    select period from roster.dues_payments
    where tenant_id = ${member.tenantId} and member_id = ${member.id}::uuid and voided_at is null
      and period in (${sql.join(overlapping.map((p) => sql`${p}`), sql`, `)})
    limit 1`);
  if (recorded) throw badField('period', 'dues_period_paid', { period: recorded.period });

  let certificate: { id: string; number: string } | undefined;
  if (subject.place === 'destination') {
    [certificate] = await selectRows<{ id: string; number: string }>(tx, sql`
      select id, number from roster.certificates
      where tenant_id = ${member.tenantId} and member_id = ${member.id}::uuid and status = 'valid' and valid_until >= ${chinaDate(now)}::date`);
    if (!certificate) throw badField('memberId', 'dues_no_certificate');
  }

  try {
    const [row] = await tx
      .insert(duesPayments)
      .values({
        tenantId: member.tenantId,
        memberId: member.id,
        period: input.period,
        dueFen: dueForPeriod(settings.monthlyDueFen, input.period),
        paidFen: input.paidFen,
        paidOn: input.paidOn,
        place: subject.place,
        certificateId: certificate?.id ?? null,
        certificateNumber: certificate?.number ?? null,
        receiverTenantId: member.tenantId,
        receiverOrgId: subject.receiverOrg.id,
        receiverOrgName: subject.receiverOrg.name,
        recordedBy: caller.userId,
        idempotencyKey: input.idempotencyKey,
        requestDigest: digest,
        createdAt: now,
      })
      .returning();
    await noteContact(tx, { tenantId: member.tenantId, memberId: member.id, at: dateStart(input.paidOn), source: 'dues' }, now);
    return answer(row!);
  } catch (error) {
    // Two requests for one period at once: the partial unique index refuses the second.
    if (isUniqueViolation(error, 'dues_payments_period_once')) throw badField('period', 'dues_period_paid', { period: input.period });
    // The key is taken by a record this caller cannot see: another request's key.
    if (isUniqueViolation(error, 'dues_payments_idempotency')) throw keyUsedForAnotherRequest();
    throw error;
  }
}

type DestinationOutcome =
  | 'recorded'
  | 'not_found'
  | 'decides_about_oneself'
  | 'key_conflict'
  | 'member_transferred_out'
  | 'dues_not_set'
  | 'dues_no_certificate'
  | 'dues_period_schedule'
  | 'dues_period_paid';

/**
 * A destination of another county records through `roster.record_dues_as_destination`
 * (record-dues-as-destination.sql), which keeps the row rules above and checks the caller's side
 * itself; the input's own rules are checked here first, as above.
 */
async function recordAsDestination(tx: Tx, input: RecordPaymentInput, digest: string, now: Date): Promise<RecordedPayment> {
  if (firstMonthOf(input.period) > chinaMonth(now)) throw badField('period', 'dues_period_future');
  if (input.paidOn > chinaDate(now)) throw badField('paidOn', 'future_date');
  const [row] = await selectRows<{ outcome: DestinationOutcome; paymentId: string | null; period: string | null; dueFen: number | null; paidFen: number | null; certificateNumber: string | null }>(tx, sql`
    select outcome, payment_id as "paymentId", recorded_period as "period", due_fen as "dueFen", paid_fen as "paidFen", certificate_number as "certificateNumber"
    from roster.record_dues_as_destination(${input.memberId}::uuid, ${input.period}, ${input.paidFen}::integer, ${input.paidOn}::date,
      ${input.idempotencyKey}, ${digest}, ${now.toISOString()}::timestamptz)`);
  switch (row?.outcome) {
    case 'recorded':
      return { paymentId: row.paymentId!, period: row.period!, dueFen: row.dueFen!, paidFen: row.paidFen!, place: 'destination', certificateNumber: row.certificateNumber };
    case 'decides_about_oneself':
      throw new DomainError('decides_about_oneself', { message: DECIDES_ABOUT_ONESELF });
    case 'key_conflict':
      throw keyUsedForAnotherRequest();
    case 'member_transferred_out':
    case 'dues_not_set':
    case 'dues_no_certificate':
      throw badField('memberId', row.outcome);
    case 'dues_period_schedule':
      throw badField('period', row.outcome);
    case 'dues_period_paid':
      throw badField('period', row.outcome, { period: row.period! });
    default:
      throw memberNotFound();
  }
}

type PaymentRow = typeof duesPayments.$inferSelect;

async function byKey(tx: Tx, tenantId: string, key: string): Promise<PaymentRow | undefined> {
  const [row] = await tx.select().from(duesPayments).where(and(eq(duesPayments.tenantId, tenantId), eq(duesPayments.idempotencyKey, key)));
  return row;
}

const answer = (row: PaymentRow): RecordedPayment => ({
  paymentId: row.id,
  period: row.period,
  dueFen: row.dueFen,
  paidFen: row.paidFen,
  place: row.place,
  certificateNumber: row.certificateNumber,
});

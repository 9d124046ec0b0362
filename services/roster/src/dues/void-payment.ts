import type { Tx } from '@tongxin/db';
import { DomainError, badField } from '@tongxin/errors';
import type { Caller } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { findSubjectToDecide } from '../mobility/find-subject.ts';
import { duesPayments } from '../schema.ts';

export interface VoidPaymentInput {
  paymentId: string;
  reason: string;
}

/**
 * The correction: the home side voids a wrong record with a reason (kept, shown struck out),
 * after which the period can be recorded again. A record already voided is BAD_REQUEST,
 * except the same void retried (same caller, same reason), which answers as the first.
 */
export async function voidPayment(tx: Tx, caller: Caller, input: VoidPaymentInput, now: Date): Promise<{ paymentId: string; voidedAt: Date }> {
  const [payment] = await tx
    .select()
    .from(duesPayments)
    .where(and(eq(duesPayments.tenantId, caller.tenantId), eq(duesPayments.id, input.paymentId)))
    .for('update');
  if (!payment) throw new DomainError('dues_payment_not_found', { message: 'No such dues record in your scope' });
  // Home side only: a destination reads the record through its grant but the member is not in its scope.
  await findSubjectToDecide(tx, caller, payment.memberId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'member_not_found') throw new DomainError('dues_payment_not_found', { message: 'No such dues record in your scope' });
    throw error;
  });
  if (payment.voidedAt) {
    if (payment.voidedBy === caller.userId && payment.voidReason === input.reason) return { paymentId: payment.id, voidedAt: payment.voidedAt };
    throw badField('paymentId', 'dues_payment_voided');
  }
  await tx
    .update(duesPayments)
    .set({ voidedAt: now, voidedBy: caller.userId, voidReason: input.reason })
    .where(and(eq(duesPayments.tenantId, caller.tenantId), eq(duesPayments.id, payment.id)));
  return { paymentId: payment.id, voidedAt: now };
}

import { chinaDate } from '@tongxin/calendar';
import type { Tx } from '@tongxin/db';
import { badField } from '@tongxin/errors';
import type { Caller } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { mobilityRequests } from '../schema.ts';
import { requestNotFound } from './file-mobility-request.ts';
import { findSubjectToDecide } from './find-subject.ts';
import type { DecideMobilityRequestInput } from './mobility-request-input.ts';
import { registerOutflow } from './register-outflow.ts';
import { registerReturn } from './register-return.ts';

export interface DecidedRequest {
  requestId: string;
  status: 'confirmed' | 'refused';
  outflowId: string | null;
}

/**
 * The home branch's secretary (or the level above: `findSubjectToDecide`, never the member
 * themself) decides a member's 外出登记 or 返乡登记. Confirming runs the registration itself,
 * `registerOutflow` / `registerReturn` in this transaction with the request's key (the rule's
 * one home), so the member becomes mobile or resident exactly as when the secretary records it;
 * refusing keeps the secretary's words for the member. A decision repeated answers the same;
 * another decision on a decided or withdrawn request is BAD_REQUEST already_decided.
 */
export async function decideMobilityRequest(tx: Tx, caller: Caller, input: DecideMobilityRequestInput, now: Date): Promise<DecidedRequest> {
  const [request] = await tx
    .select()
    .from(mobilityRequests)
    .where(and(eq(mobilityRequests.tenantId, caller.tenantId), eq(mobilityRequests.id, input.requestId)))
    .for('update');
  if (!request) throw requestNotFound();
  const subject = await findSubjectToDecide(tx, caller, request.memberId);
  const wanted = input.decision === 'confirm' ? 'confirmed' : 'refused';
  if (request.status === wanted) return { requestId: request.id, status: wanted, outflowId: request.outflowId };
  if (request.status !== 'pending') throw badField('requestId', 'already_decided', { status: request.status });

  let outflowId: string | null = null;
  if (input.decision === 'confirm') {
    // The registration's key is the server's, from the request's id: a key the member chose
    // could match another registration's and confirm without registering.
    const idempotencyKey = `mobility-request:${request.id}`;
    if (request.kind === 'outflow') {
      // Filed before leaving: the member is away from that day, not before it.
      if (request.leftOn! > chinaDate(now)) throw badField('requestId', 'not_left_yet', { date: request.leftOn! });
      ({ outflowId } = await registerOutflow(tx, subject, {
        leftOn: request.leftOn!,
        destinationProvince: request.destinationProvince ?? undefined,
        destinationCity: request.destinationCity!,
        reasonCode: request.reasonCode ?? undefined,
        reason: request.reason ?? undefined,
        expectedMonths: request.expectedMonths ?? undefined,
        idempotencyKey,
      }, now));
    } else {
      ({ outflowId } = await registerReturn(tx, subject, { returnedOn: request.returnedOn!, idempotencyKey }, now));
    }
  }
  await tx
    .update(mobilityRequests)
    .set({ status: wanted, decidedBy: caller.userId, decidedAt: now, refusalReason: input.decision === 'refuse' ? input.reason! : null, outflowId })
    .where(and(eq(mobilityRequests.tenantId, request.tenantId), eq(mobilityRequests.id, request.id)));
  return { requestId: request.id, status: wanted, outflowId };
}

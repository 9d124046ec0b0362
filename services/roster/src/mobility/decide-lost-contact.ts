import type { Tx } from '@tongxin/db';
import { type Caller } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { changeMember } from '../ledger/change-member.ts';
import { refuseDecidingAboutMember } from '../members/refuse-deciding-about-member.ts';
import { lostContactProposals, members } from '../schema.ts';
import { chinaDate } from '@tongxin/calendar';
import type { LostContactProposalStatus } from './list-lost-contact-proposals.ts';
import { DomainError, badField } from '@tongxin/errors';

export interface DecideLostContactInput {
  proposalId: string;
  decision: 'confirm' | 'dismiss';
  reason?: number | undefined;
  note?: string | undefined;
}

/**
 * A secretary's (or the department's) decision on a 失联 proposal. Confirming marks the member
 * lost contact with the register's reason code. Unlike `markLostContact` it does not ask for
 * roster's 3 failed contact attempts: the escalation ladder's evidence is stronger (K months
 * without a monthly report and a failed contact this month, recorded in reporting).
 * Deciding again the same way answers as before (a retried click).
 */
export async function decideLostContact(tx: Tx, caller: Caller, input: DecideLostContactInput, now: Date): Promise<{ status: LostContactProposalStatus }> {
  // Read through RLS: a proposal about a member outside the caller's scope is NOT_FOUND.
  const [proposal] = await tx
    .select()
    .from(lostContactProposals)
    .where(and(eq(lostContactProposals.tenantId, caller.tenantId), eq(lostContactProposals.id, input.proposalId)))
    .for('update');
  if (!proposal) throw new DomainError('proposal_not_found', { message: 'No such proposal in your scope' });
  const status: LostContactProposalStatus = input.decision === 'confirm' ? 'confirmed' : 'dismissed';
  if (proposal.status === status) return { status };
  if (proposal.status !== 'pending') throw badField('proposalId', 'already_decided', { status: proposal.status });
  const [member] = await tx.select().from(members).where(and(eq(members.tenantId, caller.tenantId), eq(members.id, proposal.memberId)));
  // Confirmed or dismissed, the proposal is decided about the member: never by themself (issue 13 C).
  if (member) await refuseDecidingAboutMember(tx, caller, member);

  let reason: number | null = null;
  if (input.decision === 'confirm') {
    if (!input.reason) throw badField('reason', 'required');
    reason = input.reason;
    if (member?.status !== 'mobile') throw badField('proposalId', 'member_not_mobile', { status: member?.status ?? 'gone' });
    await changeMember(tx, caller.tenantId, member.id, {
      action: 'lost_contact',
      set: { status: 'lost_contact', lostContactSince: chinaDate(now), lostContactReason: reason },
      actor: { userId: caller.userId, role: caller.department ? 'department' : 'secretary' },
      now,
      idempotencyKey: `lost-contact-proposal-${proposal.id}`,
    });
  }
  await tx
    .update(lostContactProposals)
    .set({ status, decidedAt: now, decidedBy: caller.userId, reason, note: input.note ?? proposal.note })
    .where(and(eq(lostContactProposals.tenantId, caller.tenantId), eq(lostContactProposals.id, proposal.id)));
  return { status };
}

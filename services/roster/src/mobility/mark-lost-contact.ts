import type { Tx } from '@tongxin/db';
import { and, eq, isNull } from 'drizzle-orm';
import { changeMember } from '../ledger/change-member.ts';
import { contactAttempts, members, outflows } from '../schema.ts';
import { chinaDate } from '@tongxin/calendar';
import { listContactAttempts, MIN_FAILED_ATTEMPTS } from './contact-attempts.ts';
import type { Subject } from './find-subject.ts';
import { replayedChange } from './replayed-change.ts';
import { noteContact } from './last-contact.ts';
import { badField } from '@tongxin/errors';

/**
 * 失联 (brief, "Lost contact"): only after repeated failed attempts since the member was
 * last reached, with the official register's reason code (1–7).
 */
export async function markLostContact(tx: Tx, subject: Subject, reason: number, idempotencyKey: string, now: Date): Promise<{ version: number }> {
  const { member, actor } = subject;
  const replay = await replayedChange(tx, member.tenantId, idempotencyKey);
  if (replay && replay.memberId === member.id) return { version: replay.version };
  if (member.status === 'lost_contact') throw badField('memberId', 'already_lost_contact');
  const { failedSinceLastReached } = await listContactAttempts(tx, member.tenantId, member.id);
  if (failedSinceLastReached < MIN_FAILED_ATTEMPTS) {
    throw badField('memberId', 'too_few_contact_attempts', { min: MIN_FAILED_ATTEMPTS, count: failedSinceLastReached });
  }
  const { version } = await changeMember(tx, member.tenantId, member.id, {
    action: 'lost_contact',
    set: { status: 'lost_contact', lostContactSince: chinaDate(now), lostContactReason: reason },
    actor,
    now,
    idempotencyKey,
  });
  return { version };
}

/**
 * Found again (brief: "registered as re-contacted"): back to mobile when they are still
 * away (an open outflow or an away-since date), else resident.
 */
export async function markRecontacted(tx: Tx, subject: Subject, idempotencyKey: string, now: Date) {
  const { member, actor } = subject;
  const replay = await replayedChange(tx, member.tenantId, idempotencyKey);
  if (replay && replay.memberId === member.id) {
    const [row] = await tx.select({ status: members.status }).from(members).where(and(eq(members.tenantId, member.tenantId), eq(members.id, member.id)));
    return { version: replay.version, status: row!.status };
  }
  if (member.status !== 'lost_contact') throw badField('memberId', 'not_lost_contact');
  const [open] = await tx
    .select({ id: outflows.id })
    .from(outflows)
    .where(and(eq(outflows.tenantId, member.tenantId), eq(outflows.memberId, member.id), isNull(outflows.returnedOn)));
  const status = open || member.awaySince ? 'mobile' : 'resident';
  // Re-contact is a successful contact: logged, so the count of failures since starts again.
  await tx.insert(contactAttempts).values({
    tenantId: member.tenantId, memberId: member.id, attemptedOn: chinaDate(now), channel: 'other', result: 'reached',
    note: '恢复联系', recordedBy: actor.userId, idempotencyKey: `recontacted:${idempotencyKey}`,
  });
  await noteContact(tx, { tenantId: member.tenantId, memberId: member.id, at: now, source: 'contact_attempt' }, now);
  const { version } = await changeMember(tx, member.tenantId, member.id, {
    action: 'recontacted',
    // Found at home: no longer away, so no reason for being away either (as 返乡).
    set: { status, lostContactSince: null, lostContactReason: null, ...(status === 'resident' ? { awayReason: null } : {}) },
    actor,
    now,
    idempotencyKey,
  });
  return { version, status };
}

import type { Tx } from '@tongxin/db';
import { seatsIn } from '@tongxin/copies';
import { refuseUnlessLevelAbove, type Decider } from '@tongxin/trpc';
import { eq } from 'drizzle-orm';
import { chinaMonth, monthRange } from '@tongxin/calendar';
import { members, orgPaths, pointsLedger, seats } from '../schema.ts';
import { entryView } from './entry-view.ts';
import { DomainError, badField } from '@tongxin/errors';

export interface CorrectPointsInput {
  memberId: string;
  points: number;
  reason: string;
  /** The month the correction counts in (default: this month, China time); never a future one. */
  period?: string | undefined;
  idempotencyKey: string;
}

/**
 * A correction is a compensating entry with its author and reason (the ledger is
 * append-only: nothing is edited). Only a secretary whose subtree holds the member, or the
 * department: the member must be visible in the caller's transaction, and the ledger's
 * insert policy checks the same again. Only the level above corrects a member's points: nobody
 * their own, and a secretary's or deputy's only the department or a seat above theirs (issue
 * 13 C: a secretary and the deputy they appointed cannot credit each other). The entry is the audit record; it is never capped.
 */
export async function correctPoints(tx: Tx, author: Decider & { tenantId: string; name: string | null }, input: CorrectPointsInput, now: Date) {
  const [member] = await tx.select({ memberId: members.memberId, userId: members.userId }).from(members).where(eq(members.memberId, input.memberId));
  if (!member) throw new DomainError('member_not_found', { message: 'No such member in your organizations' });
  await refuseUnlessLevelAbove(author, member.userId, seatsIn(tx, seats, orgPaths, author.tenantId));
  const current = chinaMonth(now);
  const period = input.period ?? current;
  if (period > current) throw badField('period', 'future_period');

  const inserted = await tx
    .insert(pointsLedger)
    .values({
      tenantId: author.tenantId,
      memberId: member.memberId,
      userId: member.userId,
      kind: 'correction',
      points: input.points,
      reason: input.reason,
      source: 'correction',
      period,
      activityAt: period === current ? now : monthRange(period).start,
      authorUserId: author.userId,
      authorName: author.name,
      idempotencyKey: input.idempotencyKey,
      at: now,
    })
    .onConflictDoNothing({ target: [pointsLedger.tenantId, pointsLedger.idempotencyKey] })
    .returning();
  if (inserted[0]) return { ...entryView(inserted[0]), created: true };
  // A retry: the correction made with this key, if it is this one.
  const [existing] = await tx.select().from(pointsLedger).where(eq(pointsLedger.idempotencyKey, input.idempotencyKey));
  if (!existing || existing.memberId !== member.memberId || existing.points !== input.points) {
    throw new DomainError('idempotency_key_reused', { message: 'This idempotency key was used for another correction' });
  }
  return { ...entryView(existing), created: false };
}

import type { Tx } from '@tongxin/db';
import { and, desc, eq } from 'drizzle-orm';
import { contactAttempts } from '../schema.ts';
import type { Subject } from './find-subject.ts';
import { noteContact } from './last-contact.ts';
import { dateStart } from '@tongxin/calendar';

/**
 * Failed attempts since the last successful one that allow a lost-contact mark: a few
 * tries over different days and channels, not one missed call (brief, "Lost contact").
 */
export const MIN_FAILED_ATTEMPTS = 3;

export interface ContactAttemptInput {
  attemptedOn: string;
  channel: (typeof contactAttempts.$inferInsert)['channel'];
  result: (typeof contactAttempts.$inferInsert)['result'];
  note?: string | undefined;
  idempotencyKey: string;
}

/** A secretary's attempt to reach a member; a retry with the same key records nothing new. */
export async function recordContactAttempt(tx: Tx, subject: Subject, input: ContactAttemptInput, now: Date): Promise<{ id: string }> {
  const { member, actor } = subject;
  const [row] = await tx
    .insert(contactAttempts)
    .values({
      tenantId: member.tenantId,
      memberId: member.id,
      attemptedOn: input.attemptedOn,
      channel: input.channel,
      result: input.result,
      note: input.note ?? null,
      recordedBy: actor.userId,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
    })
    .onConflictDoNothing({ target: [contactAttempts.tenantId, contactAttempts.idempotencyKey] })
    .returning({ id: contactAttempts.id });
  if (row) {
    // An attempt that reached the member is contact with the organization (the 6-month rule).
    if (input.result === 'reached') await noteContact(tx, { tenantId: member.tenantId, memberId: member.id, at: dateStart(input.attemptedOn), source: 'contact_attempt' }, now);
    return row;
  }
  const [first] = await tx
    .select({ id: contactAttempts.id })
    .from(contactAttempts)
    .where(and(eq(contactAttempts.tenantId, member.tenantId), eq(contactAttempts.idempotencyKey, input.idempotencyKey)));
  return { id: first!.id };
}

export type ContactAttemptRow = Omit<typeof contactAttempts.$inferSelect, 'tenantId' | 'idempotencyKey'>;

/** A member's attempts, newest first, and how many failed since the last that reached them. */
export async function listContactAttempts(tx: Tx, tenantId: string, memberId: string) {
  const attempts: ContactAttemptRow[] = await tx
    .select({
      id: contactAttempts.id,
      memberId: contactAttempts.memberId,
      attemptedOn: contactAttempts.attemptedOn,
      channel: contactAttempts.channel,
      result: contactAttempts.result,
      note: contactAttempts.note,
      recordedBy: contactAttempts.recordedBy,
      createdAt: contactAttempts.createdAt,
    })
    .from(contactAttempts)
    .where(and(eq(contactAttempts.tenantId, tenantId), eq(contactAttempts.memberId, memberId)))
    .orderBy(desc(contactAttempts.attemptedOn), desc(contactAttempts.createdAt));
  const lastReached = attempts.findIndex((a) => a.result === 'reached');
  const failedSinceLastReached = lastReached === -1 ? attempts.length : lastReached;
  return { attempts, failedSinceLastReached };
}

import type { Tx } from '@tongxin/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import { contactTasks, members } from '../schema.ts';
import { chinaDate } from '@tongxin/calendar';
import { DomainError, badField } from '@tongxin/errors';

export const CONTACT_CHANNELS = ['phone', 'wechat', 'sms', 'visit', 'letter', 'other'] as const;
export const CONTACT_RESULTS = ['reached', 'no_answer', 'unreachable', 'refused', 'other'] as const;

/** Tasks about members in the caller's scope (RLS: the member must be visible), with names. */
export function listContactTasks(tx: Tx, status?: 'open' | 'done') {
  return tx
    .select({
      id: contactTasks.id,
      memberId: contactTasks.memberId,
      memberName: members.name,
      branchId: members.branchId,
      period: contactTasks.period,
      status: contactTasks.status,
      channel: contactTasks.channel,
      result: contactTasks.result,
      note: contactTasks.note,
      attemptedOn: contactTasks.attemptedOn,
      doneBy: contactTasks.doneBy,
      createdAt: contactTasks.createdAt,
    })
    .from(contactTasks)
    .innerJoin(members, and(eq(members.tenantId, contactTasks.tenantId), eq(members.memberId, contactTasks.memberId)))
    .where(status ? eq(contactTasks.status, status) : undefined)
    .orderBy(desc(contactTasks.period), asc(members.name), asc(contactTasks.id));
}

export interface RecordContactInput {
  taskId: string;
  channel: (typeof CONTACT_CHANNELS)[number];
  result: (typeof CONTACT_RESULTS)[number];
  note?: string | undefined;
  attemptedOn: string;
}

/**
 * The secretary's attempt closes the task. Recording again replaces the result (a retry
 * changes nothing; a correction is kept as the latest word): the ladder reads this month's
 * result when it decides whether to propose lost contact.
 */
export async function recordContact(tx: Tx, by: string, input: RecordContactInput, now: Date) {
  if (input.attemptedOn > chinaDate(now)) throw badField('attemptedOn', 'future_date');
  const [row] = await tx
    .update(contactTasks)
    .set({ status: 'done', channel: input.channel, result: input.result, note: input.note ?? null, attemptedOn: input.attemptedOn, doneBy: by, updatedAt: now })
    .where(eq(contactTasks.id, input.taskId))
    .returning({ id: contactTasks.id, status: contactTasks.status, result: contactTasks.result, attemptedOn: contactTasks.attemptedOn });
  if (!row) throw new DomainError('contact_task_not_found', { message: 'No such contact task for your members' });
  return row;
}

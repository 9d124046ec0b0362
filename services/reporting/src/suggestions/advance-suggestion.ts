import { seatsIn } from '@tongxin/copies';
import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS } from '@tongxin/events';
import { refuseUnlessLevelAbove, type Decider } from '@tongxin/trpc';
import { and, eq, sql } from 'drizzle-orm';
import { notify } from '../notifications/notify.ts';
import { members, orgPaths, outbox, seats, suggestions, type SuggestionStatus } from '../schema.ts';
import { NEXT_STATUSES } from './suggestion-rules.ts';
import { DomainError, badField } from '@tongxin/errors';

export const SUGGESTION_ADOPTED = TOPICS.reporting.suggestionAdopted;

export interface AdvanceSuggestionInput {
  suggestionId: string;
  status: Exclude<SuggestionStatus, 'received'>;
  answer?: string | undefined;
}

/**
 * A secretary (or the department) moves a suggestion one step and may answer; the member
 * sees the step in the suggestion and in the inbox. The row is locked, so two secretaries
 * answering at once cannot both adopt it. Asking for the status it already has, as the one
 * who set it, is a retry and changes nothing. Only the level above answers (issue 13 C):
 * nobody their own suggestion (they would adopt it and earn its points), and a secretary's or
 * deputy's only the department or a seat above theirs; else FORBIDDEN.
 */
export async function advanceSuggestion(tx: Tx, tenantId: string, decider: Decider, input: AdvanceSuggestionInput, now: Date) {
  const by = decider.userId;
  const [row] = await tx.select().from(suggestions).where(eq(suggestions.id, input.suggestionId)).for('update');
  if (!row) throw new DomainError('suggestion_not_found', { message: 'No such suggestion in your organizations' });
  const [member] = await tx.select({ userId: members.userId }).from(members).where(and(eq(members.tenantId, row.tenantId), eq(members.memberId, row.memberId)));
  await refuseUnlessLevelAbove(decider, member?.userId ?? row.userId, seatsIn(tx, seats, orgPaths, row.tenantId));
  const last = row.steps.at(-1);
  if (row.status === input.status && last?.by === by) return { id: row.id, status: row.status, steps: row.steps };
  if (!NEXT_STATUSES[row.status].includes(input.status)) throw badField('status', 'status_not_next', { status: row.status });
  if (input.status === 'declined' && !input.answer) throw badField('answer', 'reason_required');

  const step = { status: input.status, by, at: now.toISOString(), ...(input.answer ? { answer: input.answer } : {}) };
  const [updated] = await tx
    .update(suggestions)
    .set({ status: input.status, steps: sql`${suggestions.steps} || ${JSON.stringify([step])}::jsonb`, updatedAt: now })
    .where(eq(suggestions.id, row.id))
    .returning({ id: suggestions.id, status: suggestions.status, steps: suggestions.steps });
  // Adopted is reachable once (see NEXT_STATUSES), so the event is written once.
  if (input.status === 'adopted') {
    await recordEvent(tx, outbox, tenantId, SUGGESTION_ADOPTED, { suggestionId: row.id, memberId: row.memberId, userId: row.userId, category: row.category });
  }
  // A reply is not an official notice: it stays in the app, so nothing goes to the outbound channel.
  await notify(tx, {
    tenantId,
    userId: row.userId,
    kind: 'reply',
    notice: 'suggestion_step',
    params: { step: input.status, title: row.title },
    body: input.answer ?? null,
    subject: { type: 'suggestion', id: row.id },
    dedupeKey: `suggestion:${row.id}:${input.status}`,
    at: now,
  });
  return updated!;
}

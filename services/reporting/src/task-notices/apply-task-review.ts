import { claimEvent, tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { TOPICS, ZTaskCompletionApproved, ZTaskCompletionRejected } from '@tongxin/events';
import type { z } from 'zod';
import { notify } from '../notifications/notify.ts';
import { processedEvents } from '../schema.ts';

export const TASK_COMPLETION_APPROVED = TOPICS.tasks.completionApproved;
export const TASK_COMPLETION_REJECTED = TOPICS.tasks.completionRejected;

/** The inbox's kind for both decisions (the member view labels it 任务审核). */
export const TASK_REVIEW_KIND = 'task_review';

/** The notice and the reviewer's own words (a rejection's reason), as the other notices have them. */
export function approvedNotice(p: { taskTitle?: string | null; points: number }) {
  return { notice: 'task_approved', params: { task: p.taskTitle ?? null, points: p.points }, body: null } as const;
}

export function rejectedNotice(p: { taskTitle?: string | null; reason: string | null }) {
  return { notice: 'task_rejected', params: { task: p.taskTitle ?? null }, body: p.reason?.trim() || null } as const;
}

// The topics' schemas, read leniently on the decision's time only: a decision without it is
// dated when its event was recorded.
const ZApproved = ZTaskCompletionApproved.partial({ approvedAt: true });
const ZRejected = ZTaskCompletionRejected.partial({ rejectedAt: true });
const approvedDecision = (p: z.infer<typeof ZApproved>) => ({ p, decidedAt: p.approvedAt, notice: approvedNotice(p) });
const rejectedDecision = (p: z.infer<typeof ZRejected>) => ({ p, decidedAt: p.rejectedAt, notice: rejectedNotice(p) });

/**
 * Consumer of the tasks outbox's `tasks.completion_approved` and `tasks.completion_rejected`:
 * tells the member in their inbox, so they need not open 任务 to learn the decision and the
 * reason. The event's tenant is the task's county, which may be another than the member's
 * (a flow organization's task); the notice is the member's, so it is written in
 * `memberTenantId` and the event id is claimed there, in the same transaction (exactly once).
 * Not an official notice: it stays in the app, nothing goes to the outbound channel. The
 * dedupe key (one decision per completion; a resubmission is a new completion) keeps one
 * message per decision even if the event were recorded twice.
 */
export async function applyTaskReviewToInbox(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'skipped' | 'ignored'> {
  const { topic } = event;
  if (topic !== TASK_COMPLETION_APPROVED && topic !== TASK_COMPLETION_REJECTED) return 'ignored';
  const approved = topic === TASK_COMPLETION_APPROVED;
  const { p, decidedAt, notice } = approved ? approvedDecision(ZApproved.parse(event.payload)) : rejectedDecision(ZRejected.parse(event.payload));
  const tenantId = p.memberTenantId;
  return tenantTransaction(database, { tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, { ...event, tenantId }))) return 'duplicate';
    if (!p.userId) return 'skipped'; // no account to read an inbox
    const { created } = await notify(tx, {
      tenantId,
      userId: p.userId,
      kind: TASK_REVIEW_KIND,
      ...notice,
      subject: { type: 'task_claim', id: p.claimId },
      dedupeKey: `task-review:${p.completionId}:${approved ? 'approved' : 'rejected'}`,
      official: false,
      at: decidedAt ? new Date(decidedAt) : new Date(event.createdAt),
    });
    return created ? 'applied' : 'duplicate';
  });
}

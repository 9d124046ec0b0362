import { claimEvent, tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { TOPICS, ZTaskCompletionApproved, ZTaskCompletionRejected } from '@tongxin/events';
import type { z } from 'zod';
import { notify } from '../notifications/notify.ts';
import { processedEvents } from '../schema.ts';

export const TASK_COMPLETION_APPROVED = TOPICS.tasks.completionApproved;
export const TASK_COMPLETION_REJECTED = TOPICS.tasks.completionRejected;

/** The inbox's kind for both decisions (the member view labels it 任务审核). */
export const TASK_REVIEW_KIND = 'task_review';

/** What was decided: the named task's completion, or in general words for an event without the title. */
const completionOf = (title: string | null | undefined) => (title?.trim() ? `任务“${title.trim()}”的完成情况` : '您提交的任务完成情况');
/** A reason ends with the reviewer's punctuation if they wrote some, with 。 otherwise. */
const sentence = (text: string) => (/[。！？!?.…]$/.test(text) ? text : `${text}。`);

/** Title and body as the other notices have them: the news in the title, the detail below. */
export function approvedNotice(p: { taskTitle?: string | null; points: number }) {
  return { title: `${completionOf(p.taskTitle)}已审核通过`, body: `积分 ${p.points} 分。` };
}

export function rejectedNotice(p: { taskTitle?: string | null; reason: string | null }) {
  const reason = p.reason?.trim();
  return {
    title: `${completionOf(p.taskTitle)}被退回`,
    body: `${reason ? sentence(reason) : ''}请在“任务”中修改后重新提交。`,
  };
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

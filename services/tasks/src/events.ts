// What tasks tells other services (its outbox); the payloads are @tongxin/events'.
// event.tenantId is the TASK's county; a member of another county (a flow organization's
// task) is named by memberTenantId, which every payload carries, so scoring credits the
// member in their own county. tasks.claimed, tasks.claim_withdrawn and a study task's
// tasks.completion_approved are written by SQL functions (take_place, release_place,
// submit_completion, in claims/ and completions/*.sql), checked by sql-event-contracts.test.ts.
import { TOPICS } from '@tongxin/events';

export const TASKS_TOPICS = TOPICS.tasks;
export type { TaskClaimed, TaskClaimWithdrawn, TaskCompletionApproved, TaskCompletionRejected } from '@tongxin/events';

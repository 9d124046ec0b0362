// What tasks tells other services (its outbox). event.tenantId is the TASK's county; a
// member of another county (a flow organization's task) is named by memberTenantId, which
// every payload carries, so scoring credits the member in their own county.

export const TASKS_TOPICS = {
  claimed: 'tasks.claimed',
  claimWithdrawn: 'tasks.claim_withdrawn',
  completionApproved: 'tasks.completion_approved',
  completionRejected: 'tasks.completion_rejected',
} as const;

/** `tasks.claimed`: a member took a place (recorded by tasks.take_place, claims/take-place.sql). */
export interface TaskClaimed {
  claimId: string;
  taskId: string;
  /** The task's title when claimed (the claim's task_title). */
  taskTitle: string;
  taskKind: string;
  taskOrgId: string;
  memberTenantId: string;
  memberId: string;
  userId: string;
  /** ISO datetime. */
  claimedAt: string;
}

/** `tasks.claim_withdrawn`: the member gave the place back (tasks.release_place). */
export interface TaskClaimWithdrawn {
  claimId: string;
  taskId: string;
  taskTitle: string;
  memberTenantId: string;
  memberId: string;
  userId: string;
  withdrawnAt: string;
}

/**
 * `tasks.completion_approved`: once per claim, by a reviewer's approval or, for a study task,
 * by the member's confirmation (tasks.submit_completion). `points` are those promised at the
 * claim; `amount` is the number achieved in `unit` (the promised target's unit), if any.
 */
export interface TaskCompletionApproved {
  claimId: string;
  completionId: string;
  taskId: string;
  taskTitle: string;
  taskKind: string;
  taskOrgId: string;
  points: number;
  amount: number | null;
  unit: string | null;
  memberTenantId: string;
  memberId: string;
  userId: string;
  approvedAt: string;
}

/**
 * `tasks.completion_rejected`: a reviewer sent a completion back with a reason, which the
 * member reads and may answer by resubmitting (recorded with the rejection, review-completion.ts).
 */
export interface TaskCompletionRejected {
  claimId: string;
  completionId: string;
  taskId: string;
  taskTitle: string;
  reason: string;
  memberTenantId: string;
  memberId: string;
  userId: string;
  rejectedAt: string;
}

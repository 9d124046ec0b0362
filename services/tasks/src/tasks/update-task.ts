import type { Tx } from '@tongxin/db';
import type { Caller } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { publishedTasks, taskVersions } from '../schema.ts';
import { isCheckViolation } from '../check-violation.ts';
import { findManagedTask } from './find-managed-task.ts';
import type { UpdateTaskInput } from './task-input.ts';
import { checkTerms, termColumns, termsOf, termsRecord } from './task-terms.ts';
import { DomainError, badField } from '@tongxin/errors';

/**
 * Edits a task's terms as a new version. Claims already made keep what they were promised
 * (their own copy of points, deadline, evidence and target) and show that the task changed;
 * the quota may not drop below the places already taken.
 */
export async function updateTask(tx: Tx, caller: Caller, input: UpdateTaskInput, now: Date): Promise<{ id: string; version: number }> {
  const [retried] = await tx
    .select({ version: taskVersions.version })
    .from(taskVersions)
    .where(and(eq(taskVersions.tenantId, caller.tenantId), eq(taskVersions.taskId, input.taskId), eq(taskVersions.idempotencyKey, input.idempotencyKey)));
  if (retried) return { id: input.taskId, version: retried.version };

  const task = await findManagedTask(tx, caller.tenantId, input.taskId);
  if (task.status === 'closed') throw badField('taskId', 'task_closed');
  if (task.version !== input.expectedVersion) {
    throw new DomainError('changed_meanwhile', { params: { version: task.version }, message: `The task changed meanwhile (now version ${task.version}): reload it` });
  }
  const { taskId: _taskId, expectedVersion: _expected, idempotencyKey, deadline, ...changes } = input;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const terms = checkTerms({ ...termsOf(task), ...defined, ...(deadline ? { deadline: new Date(deadline) } : {}) }, now, { deadlineSet: deadline !== undefined });
  if (terms.quota !== null && terms.quota < task.claimedCount) {
    throw badField('quota', 'quota_below_claims', { count: task.claimedCount });
  }

  const version = task.version + 1;
  try {
    await tx
      .update(publishedTasks)
      .set({ ...termColumns(terms), version, updatedAt: now })
      .where(and(eq(publishedTasks.tenantId, caller.tenantId), eq(publishedTasks.id, task.id), eq(publishedTasks.version, task.version)));
  } catch (error) {
    // A claim between the check above and the update: the database still refuses the oversell.
    if (isCheckViolation(error, 'tasks_claimed_within_quota')) throw badField('quota', 'quota_below_claims');
    throw error;
  }
  await tx.insert(taskVersions).values({ tenantId: caller.tenantId, taskId: task.id, version, terms: termsRecord(terms), changedBy: caller.userId, changedAt: now, idempotencyKey });
  return { id: task.id, version };
}


import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { publishedTasks } from '../schema.ts';
import type { TaskStatus } from '../schema/scope.ts';
import { findManagedTask } from './find-managed-task.ts';
import { badField } from '@tongxin/errors';

/** Sends a draft out to members. Publishing again is a no-op; a closed task stays closed. */
export async function publishDraft(tx: Tx, tenantId: string, taskId: string, now: Date): Promise<{ id: string; status: TaskStatus }> {
  const task = await findManagedTask(tx, tenantId, taskId);
  if (task.status === 'published') return { id: task.id, status: task.status };
  if (task.status === 'closed') throw badField('taskId', 'task_closed');
  if (task.deadline <= now) throw badField('deadline', 'deadline_passed');
  await tx
    .update(publishedTasks)
    .set({ status: 'published', publishedAt: now, updatedAt: now })
    .where(and(eq(publishedTasks.tenantId, tenantId), eq(publishedTasks.id, taskId)));
  return { id: task.id, status: 'published' };
}

/**
 * Closes a task to new claims. Claims already made stay, and can still be completed and
 * reviewed. Closing again is a no-op.
 */
export async function closeTask(tx: Tx, tenantId: string, taskId: string, now: Date): Promise<{ id: string; status: TaskStatus }> {
  const task = await findManagedTask(tx, tenantId, taskId);
  if (task.status === 'closed') return { id: task.id, status: task.status };
  await tx
    .update(publishedTasks)
    .set({ status: 'closed', closedAt: now, updatedAt: now })
    .where(and(eq(publishedTasks.tenantId, tenantId), eq(publishedTasks.id, taskId)));
  return { id: task.id, status: 'closed' };
}

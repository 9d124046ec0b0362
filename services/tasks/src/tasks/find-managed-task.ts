import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { publishedTasks } from '../schema.ts';
import { staffScope } from '../schema/scope.ts';
import { DomainError } from '@tongxin/errors';

/**
 * A task the caller manages: published by an org in their subtree, or any of the county for
 * the department. Said in the query as well as by RLS, because a secretary who is also a
 * member may see other tasks as a member. Locked, as the caller is about to change it.
 */
export async function findManagedTask(tx: Tx, tenantId: string, taskId: string) {
  const [task] = await tx
    .select()
    .from(publishedTasks)
    .where(and(eq(publishedTasks.tenantId, tenantId), eq(publishedTasks.id, taskId), staffScope(publishedTasks.orgPath)))
    .for('update');
  if (!task) throw new DomainError('task_not_found', { message: 'No such task among those you manage' });
  return task;
}

import type { Tx } from '@tongxin/db';
import type { Caller } from '@tongxin/trpc';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { orgs, publishedTasks } from '../schema.ts';
import { myClaimOf } from './list-tasks-for-me.ts';
import { taskCountiesOf } from './task-counties.ts';
import { publisherJoin, taskColumns, toTaskView, type MyClaim, type TaskView } from './task-view.ts';
import { DomainError } from '@tongxin/errors';

/**
 * One task by its id, for a member it reaches or staff in scope. The task's county is read
 * from the caller's own and their standing check-in's (taskCountiesOf), and RLS decides: a
 * task of another county without a check-in there, or of an org outside the caller's
 * subtree, is NOT_FOUND.
 */
export async function getTask(tx: Tx, caller: Caller, taskId: string): Promise<TaskView & { myClaim: MyClaim }> {
  const counties = await taskCountiesOf(tx, caller);
  const [row] = await tx
    .select(taskColumns)
    .from(publishedTasks)
    .leftJoin(orgs, publisherJoin)
    .where(and(inArray(publishedTasks.tenantId, counties), eq(publishedTasks.id, taskId)))
    .orderBy(sql`${publishedTasks.tenantId} = ${caller.tenantId} desc`)
    .limit(1);
  if (!row) throw new DomainError('task_not_found', { message: 'No such task' });
  const myClaim = caller.member ? await myClaimOf(tx, caller, row.tenantId, taskId) : null;
  return { ...toTaskView(row), myClaim };
}

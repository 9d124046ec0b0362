import type { Tx } from '@tongxin/db';
import type { Caller } from '@tongxin/trpc';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { orgs, publishedTasks } from '../schema.ts';
import { myClaimOf } from './list-tasks-for-me.ts';
import { publisherJoin, taskColumns, toTaskView, type MyClaim, type TaskView } from './task-view.ts';

/**
 * One task, for a member it reaches or staff in scope: RLS decides, so a task of another
 * county without a check-in there, or of an org outside the caller's subtree, is NOT_FOUND.
 */
export async function getTask(tx: Tx, caller: Caller, tenantId: string, taskId: string): Promise<TaskView & { myClaim: MyClaim }> {
  const [row] = await tx
    .select(taskColumns)
    .from(publishedTasks)
    .leftJoin(orgs, publisherJoin)
    .where(and(eq(publishedTasks.tenantId, tenantId), eq(publishedTasks.id, taskId)));
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such task' });
  const myClaim = caller.member ? await myClaimOf(tx, caller, tenantId, taskId) : null;
  return { ...toTaskView(row), myClaim };
}

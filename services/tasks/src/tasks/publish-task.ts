import { recordEvent, type Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { outbox, publishedTasks } from '../schema.ts';

export interface NewTask {
  orgId: string;
  title: string;
  description: string;
  points: number;
  idempotencyKey: string;
}

/** Publishes a task once per idempotency key; a retried request returns the same task. */
export async function publishTask(tx: Tx, tenantId: string, publishedBy: string, input: NewTask) {
  const [row] = await tx
    .insert(publishedTasks)
    .values({ tenantId, publishedBy, ...input })
    .onConflictDoNothing({ target: [publishedTasks.tenantId, publishedTasks.idempotencyKey] })
    .returning({ id: publishedTasks.id });
  if (row) {
    await recordEvent(tx, outbox, tenantId, 'tasks.task_published', { taskId: row.id, orgId: input.orgId, points: input.points });
    return { id: row.id, created: true };
  }
  const [existing] = await tx
    .select({ id: publishedTasks.id })
    .from(publishedTasks)
    .where(and(eq(publishedTasks.tenantId, tenantId), eq(publishedTasks.idempotencyKey, input.idempotencyKey)));
  return { id: existing!.id, created: false };
}

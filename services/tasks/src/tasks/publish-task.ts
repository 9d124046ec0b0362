import type { Tx } from '@tongxin/db';
import type { Caller } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { publishedTasks, taskVersions } from '../schema.ts';
import { publisherOrg } from './publisher-org.ts';
import type { PublishTaskInput } from './task-input.ts';
import { checkTerms, termColumns, termsRecord } from './task-terms.ts';
import { DomainError } from '@tongxin/errors';

/** Publishes (or drafts) a task once per idempotency key; a retried request returns the same task. */
export async function publishTask(tx: Tx, caller: Caller, input: PublishTaskInput, now: Date): Promise<{ id: string; created: boolean }> {
  const retried = await taskByKey(tx, caller.tenantId, input.idempotencyKey);
  if (retried) return { id: retried, created: false };

  const org = await publisherOrg(tx, caller, input.orgId, input.visibility);
  const terms = checkTerms({ ...input, deadline: new Date(input.deadline) }, now, { deadlineSet: true });
  const [row] = await tx
    .insert(publishedTasks)
    .values({
      tenantId: caller.tenantId,
      orgId: org.orgId,
      orgPath: org.path,
      orgName: org.name,
      ...termColumns(terms),
      visibility: input.visibility,
      status: input.draft ? 'draft' : 'published',
      publishedBy: caller.userId,
      publishedAt: input.draft ? null : now,
      createdAt: now,
      updatedAt: now,
      idempotencyKey: input.idempotencyKey,
    })
    .onConflictDoNothing({ target: [publishedTasks.tenantId, publishedTasks.idempotencyKey] })
    .returning({ id: publishedTasks.id });
  if (!row) {
    // A concurrent retry won; or the key is another publisher's, whose task this caller cannot see.
    const raced = await taskByKey(tx, caller.tenantId, input.idempotencyKey);
    if (!raced) throw new DomainError('idempotency_key_reused', { message: 'That idempotency key was used for another task' });
    return { id: raced, created: false };
  }
  await tx.insert(taskVersions).values({ tenantId: caller.tenantId, taskId: row.id, version: 1, terms: termsRecord(terms), changedBy: caller.userId, changedAt: now });
  return { id: row.id, created: true };
}

async function taskByKey(tx: Tx, tenantId: string, idempotencyKey: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: publishedTasks.id })
    .from(publishedTasks)
    .where(and(eq(publishedTasks.tenantId, tenantId), eq(publishedTasks.idempotencyKey, idempotencyKey)));
  return row?.id ?? null;
}

import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { changeMember } from '../ledger/change-member.ts';
import { outflows } from '../schema.ts';
import type { Subject } from './find-subject.ts';
import { badField } from '@tongxin/errors';

export interface OutflowInput {
  leftOn: string;
  destinationProvince?: string | undefined;
  destinationCity: string;
  reason?: string | undefined;
  expectedMonths?: number | undefined;
  idempotencyKey: string;
}

/**
 * 外出登记 (brief, national rules: "before leaving"): opens the member's time away and
 * makes them mobile, away since the day they left, at the destination they gave. One open
 * time away per member (the partial unique index `outflows_open`).
 */
export async function registerOutflow(tx: Tx, subject: Subject, input: OutflowInput, now: Date): Promise<{ outflowId: string }> {
  const { member, actor } = subject;
  const retried = await outflowByKey(tx, member.tenantId, input.idempotencyKey);
  if (retried) return { outflowId: retried };
  const [row] = await tx
    .insert(outflows)
    .values({
      tenantId: member.tenantId,
      memberId: member.id,
      leftOn: input.leftOn,
      destinationProvince: input.destinationProvince ?? null,
      destinationCity: input.destinationCity,
      reason: input.reason ?? null,
      expectedMonths: input.expectedMonths ?? null,
      recordedBy: actor.userId,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
    })
    // Either unique index may refuse the row: a concurrent retry (same key) or an open outflow.
    .onConflictDoNothing()
    .returning({ id: outflows.id });
  if (!row) {
    const raced = await outflowByKey(tx, member.tenantId, input.idempotencyKey);
    if (raced) return { outflowId: raced };
    throw badField('memberId', 'already_away');
  }
  await changeMember(tx, member.tenantId, member.id, {
    action: 'outflow',
    set: {
      status: 'mobile',
      awaySince: input.leftOn,
      destinationCity: input.destinationCity,
      ...(input.destinationProvince ? { destinationProvince: input.destinationProvince } : {}),
      // Registering a departure is contact: a lost-contact mark no longer holds.
      lostContactSince: null,
      lostContactReason: null,
    },
    actor,
    now,
    idempotencyKey: input.idempotencyKey,
  });
  return { outflowId: row.id };
}

async function outflowByKey(tx: Tx, tenantId: string, idempotencyKey: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: outflows.id })
    .from(outflows)
    .where(and(eq(outflows.tenantId, tenantId), eq(outflows.idempotencyKey, idempotencyKey)));
  return row?.id ?? null;
}

import type { Tx } from '@tongxin/db';
import type { AwayReason } from '@tongxin/ledger';
import { and, eq } from 'drizzle-orm';
import { changeMember } from '../ledger/change-member.ts';
import { outflows } from '../schema.ts';
import type { Subject } from './find-subject.ts';
import { badField } from '@tongxin/errors';

export interface OutflowInput {
  leftOn: string;
  destinationProvince?: string | undefined;
  destinationCity: string;
  /** 外出原因, coded; `reason` is the words given with it. */
  reasonCode?: AwayReason | undefined;
  reason?: string | undefined;
  expectedMonths?: number | undefined;
  idempotencyKey: string;
}

/**
 * 外出登记 (brief, national rules: "before leaving"): opens the member's time away and
 * makes them mobile, away since the day they left, at the destination they gave, for the
 * reason given (kept on the outflow and copied to the member, whom the rollups and exports
 * read). One open time away per member (the partial unique index `outflows_open`).
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
      reasonCode: input.reasonCode ?? null,
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
      awayReason: input.reasonCode ?? null,
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

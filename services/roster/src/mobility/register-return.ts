import type { Tx } from '@tongxin/db';
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { changeMember } from '../ledger/change-member.ts';
import { outflows } from '../schema.ts';
import type { Subject } from './find-subject.ts';
import { replayedChange } from './replayed-change.ts';
import { badField } from '@tongxin/errors';

export interface ReturnInput {
  returnedOn: string;
  note?: string | undefined;
  idempotencyKey: string;
}

/** 返乡: closes the open time away; the member is resident again, no longer away, with no reason for being away. */
export async function registerReturn(tx: Tx, subject: Subject, input: ReturnInput, now: Date): Promise<{ outflowId: string }> {
  const { member, actor } = subject;
  const replay = await replayedChange(tx, member.tenantId, input.idempotencyKey);
  if (replay && replay.memberId === member.id && replay.action === 'return') {
    const [last] = await tx
      .select({ id: outflows.id })
      .from(outflows)
      .where(and(eq(outflows.tenantId, member.tenantId), eq(outflows.memberId, member.id), isNotNull(outflows.returnedOn)))
      .orderBy(desc(outflows.returnedOn), desc(outflows.createdAt))
      .limit(1);
    if (last) return { outflowId: last.id };
  }
  const [open] = await tx
    .select()
    .from(outflows)
    .where(and(eq(outflows.tenantId, member.tenantId), eq(outflows.memberId, member.id), isNull(outflows.returnedOn)))
    .for('update');
  let outflowId: string;
  if (open) {
    if (input.returnedOn < open.leftOn) throw badField('returnedOn', 'before_left_on', { date: open.leftOn });
    await tx
      .update(outflows)
      .set({ returnedOn: input.returnedOn, returnNote: input.note ?? null })
      .where(and(eq(outflows.tenantId, member.tenantId), eq(outflows.id, open.id)));
    outflowId = open.id;
  } else {
    // Away before the county used Tongxin (imported or seeded as mobile): no outflow was
    // registered, so the return records the time away from the ledger's "away since".
    if (member.status !== 'mobile' && member.status !== 'lost_contact') throw badField('memberId', 'not_away');
    const leftOn = member.awaySince ?? input.returnedOn;
    if (input.returnedOn < leftOn) throw badField('returnedOn', 'before_left_on', { date: leftOn });
    const [row] = await tx
      .insert(outflows)
      .values({
        tenantId: member.tenantId, memberId: member.id, leftOn, destinationProvince: member.destinationProvince,
        destinationCity: member.destinationCity ?? '—', reasonCode: member.awayReason, returnedOn: input.returnedOn, returnNote: input.note ?? null,
        recordedBy: actor.userId, idempotencyKey: input.idempotencyKey,
      })
      .returning({ id: outflows.id });
    outflowId = row!.id;
  }
  await changeMember(tx, member.tenantId, member.id, {
    action: 'return',
    set: { status: 'resident', awaySince: null, awayReason: null, lostContactSince: null, lostContactReason: null },
    actor,
    now,
    idempotencyKey: input.idempotencyKey,
  });
  return { outflowId };
}

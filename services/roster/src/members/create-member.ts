import { recordEvent, type Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { members, outbox } from '../schema.ts';

export interface NewMember {
  branchId: string;
  branchPath: string;
  name: string;
  status: 'resident' | 'mobile' | 'lost_contact';
  destinationCity?: string | undefined;
  phone?: string | undefined;
  userId?: string | undefined;
  idempotencyKey: string;
}

export interface MemberCreated {
  memberId: string;
  userId: string | null;
  name: string;
  branchId: string;
}

/**
 * Adds a member and records `roster.member_created` in the same transaction. A retry with
 * the same idempotency key returns the first member and records nothing new.
 */
export async function createMember(tx: Tx, tenantId: string, input: NewMember): Promise<{ id: string; created: boolean }> {
  const inserted = await tx
    .insert(members)
    .values({
      tenantId,
      name: input.name,
      branchId: input.branchId,
      orgPath: input.branchPath,
      status: input.status,
      destinationCity: input.destinationCity ?? null,
      phone: input.phone ?? null,
      userId: input.userId ?? null,
      idempotencyKey: input.idempotencyKey,
    })
    .onConflictDoNothing({ target: [members.tenantId, members.idempotencyKey] })
    .returning({ id: members.id });
  const row = inserted[0];
  if (!row) {
    const [existing] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.tenantId, tenantId), eq(members.idempotencyKey, input.idempotencyKey)));
    if (!existing) throw new Error('idempotency key taken by a member outside your scope');
    return { id: existing.id, created: false };
  }
  const event: MemberCreated = { memberId: row.id, userId: input.userId ?? null, name: input.name, branchId: input.branchId };
  await recordEvent(tx, outbox, tenantId, 'roster.member_created', event);
  return { id: row.id, created: true };
}

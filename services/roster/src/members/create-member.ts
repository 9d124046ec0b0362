import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS, type MemberCreated } from '@tongxin/events';
import { idTailDigest, LEDGER_FIELDS } from '@tongxin/ledger';
import { and, eq } from 'drizzle-orm';
import type { Actor, MemberPatch } from '../ledger/change-member.ts';
import { maskChanges } from '../ledger/mask-changes.ts';
import { members, memberVersions, outbox, type FieldChange } from '../schema.ts';
import { keyUsedForAnotherRequest } from './request-digest.ts';

export interface NewMember extends MemberPatch {
  branchId: string;
  branchPath: string;
  name: string;
  userId?: string | null | undefined;
  idempotencyKey: string;
  /** `requestDigest` of the create that sent the key (none for an import's own keys). */
  requestDigest?: string | null | undefined;
}

/**
 * Adds a member with version 1 of their record and records `roster.member_created` in the
 * same transaction. A retry with the same idempotency key returns the first member and
 * records nothing new.
 */
export async function createMember(
  tx: Tx,
  tenantId: string,
  input: NewMember,
  actor: Actor = { userId: null, role: 'system' },
  now = new Date(),
): Promise<{ id: string; created: boolean }> {
  const { branchPath, idempotencyKey, requestDigest, userId, ...fields } = input;
  const confirmed = Object.fromEntries(LEDGER_FIELDS.filter((f) => fields[f] != null).map((f) => [f, now.toISOString()]));
  const inserted = await tx
    .insert(members)
    .values({
      ...fields,
      tenantId,
      orgPath: branchPath,
      userId: userId ?? null,
      idempotencyKey,
      requestDigest: requestDigest ?? null,
      fieldConfirmedAt: confirmed,
      ledgerConfirmedAt: now,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [members.tenantId, members.idempotencyKey] })
    .returning({ id: members.id });
  const row = inserted[0];
  if (!row) {
    const [existing] = await tx
      .select({ id: members.id, requestDigest: members.requestDigest })
      .from(members)
      .where(and(eq(members.tenantId, tenantId), eq(members.idempotencyKey, idempotencyKey)));
    // Hidden by RLS, or sent with other content: the new content is not looked at.
    if (!existing || existing.requestDigest !== (input.requestDigest ?? null)) throw keyUsedForAnotherRequest();
    return { id: existing.id, created: false };
  }
  const changes: FieldChange[] = maskChanges(
    Object.entries(fields)
      .filter(([, value]) => value != null && value !== '')
      .map(([field, value]) => ({ field, from: null, to: String(value) })),
  );
  await tx.insert(memberVersions).values({
    tenantId, memberId: row.id, version: 1, action: 'created', changes, actorUserId: actor.userId, actorRole: actor.role, at: now,
  });
  const event: MemberCreated = { memberId: row.id, userId: userId ?? null, name: input.name, branchId: input.branchId, orgPath: branchPath, status: fields.status ?? 'resident', destinationCity: fields.destinationCity ?? null,
    phone: fields.phone ?? null, idTailDigest: idTailDigest(row.id, fields.idCardNumber),
  };
  await recordEvent(tx, outbox, tenantId, TOPICS.roster.memberCreated, event);
  return { id: row.id, created: true };
}

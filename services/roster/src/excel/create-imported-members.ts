import { outboxRow, type Tx } from '@tongxin/db';
import { TOPICS, type MemberCreated } from '@tongxin/events';
import { idTailDigest, LEDGER_FIELDS } from '@tongxin/ledger';
import type { Actor } from '../ledger/change-member.ts';
import { maskChanges } from '../ledger/mask-changes.ts';
import type { NewMember } from '../members/create-member.ts';
import { members, memberVersions, outbox, type FieldChange } from '../schema.ts';

/**
 * `createMember` for a whole import chunk: the same member row, version 1 and
 * `roster.member_created` event, in three statements instead of three per row (10,000
 * rows import in seconds, not most of a minute). Keep the two in step.
 *
 * The ID-card number is unique in the tenant, also against members RLS hides from the
 * caller; ON CONFLICT DO NOTHING checks that without reading the hidden row. Returns the
 * ID-card numbers created; the others were taken (by a member outside the caller's scope,
 * since the caller's own were found before).
 */
export async function createImportedMembers(tx: Tx, tenantId: string, inputs: readonly NewMember[], actor: Actor, now: Date): Promise<Set<string>> {
  if (inputs.length === 0) return new Set();
  const fieldsOf = (input: NewMember) => {
    const { branchPath: _path, idempotencyKey: _key, requestDigest: _digest, userId: _user, ...fields } = input;
    return fields;
  };
  const inserted = await tx
    .insert(members)
    .values(
      inputs.map((input) => {
        const fields = fieldsOf(input);
        const confirmed = Object.fromEntries(LEDGER_FIELDS.filter((f) => fields[f] != null).map((f) => [f, now.toISOString()]));
        return {
          ...fields, tenantId, orgPath: input.branchPath, userId: null, idempotencyKey: input.idempotencyKey,
          fieldConfirmedAt: confirmed, ledgerConfirmedAt: now, version: 1, createdAt: now, updatedAt: now,
        };
      }),
    )
    .onConflictDoNothing()
    .returning({ id: members.id, idempotencyKey: members.idempotencyKey });
  if (inserted.length === 0) return new Set();

  const byKey = new Map(inputs.map((input) => [input.idempotencyKey, input]));
  const created = inserted.map((row) => ({ id: row.id, input: byKey.get(row.idempotencyKey!)! }));
  await tx.insert(memberVersions).values(
    created.map(({ id, input }) => {
      const changes: FieldChange[] = maskChanges(
        Object.entries(fieldsOf(input))
          .filter(([, value]) => value != null && value !== '')
          .map(([field, value]) => ({ field, from: null, to: String(value) })),
      );
      return { tenantId, memberId: id, version: 1, action: 'created', changes, actorUserId: actor.userId, actorRole: actor.role, at: now };
    }),
  );
  await tx.insert(outbox).values(
    created.map(({ id, input }) => {
      const event: MemberCreated = {
        memberId: id, userId: null, name: input.name, branchId: input.branchId, orgPath: input.branchPath, status: input.status ?? 'resident',
        destinationCity: input.destinationCity ?? null, phone: input.phone ?? null, idTailDigest: idTailDigest(id, input.idCardNumber),
      };
      return outboxRow(tenantId, TOPICS.roster.memberCreated, event);
    }),
  );
  return new Set(created.map(({ input }) => input.idCardNumber!));
}

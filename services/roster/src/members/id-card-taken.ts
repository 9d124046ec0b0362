import type { Tx } from '@tongxin/db';
import { badField } from '@tongxin/trpc';
import { and, eq, ne, type SQL } from 'drizzle-orm';
import { members } from '../schema.ts';
import { recordIdCardLookups } from './id-card-lookups.ts';
import { idCardHash } from './list-members.ts';
import { isUniqueViolation } from './unique-violation.ts';

/**
 * The answer when a number is held by a member RLS hides from the caller (the unique index
 * sees the whole county). It does not say that a member holds it, nor where: the same words
 * the import uses for such a row, and the level above, who sees further, can look into it
 * (issue 13, class B: a create must not tell who exists outside the caller's scope). The
 * refusal itself tells that much, so it is logged and counted as an ID read
 * (id-card-lookups.ts), and the answer says so.
 */
export const ID_CARD_UNAVAILABLE =
  'this ID-card number cannot be registered here: ask the level above. The organization department has been told of this attempt';

/** True for the refusal a hidden holder causes: the unique index itself, or changeMember's answer to it. */
export function isIdCardUnavailable(error: unknown): boolean {
  if (isUniqueViolation(error, 'members_id_card')) return true;
  return (error as { cause?: { fields?: Record<string, string> } } | null)?.cause?.fields?.idCardNumber === ID_CARD_UNAVAILABLE;
}

/**
 * A create or correction that sets `idCardNumber`, refused when a member out of the caller's
 * sight holds it. The write runs in a savepoint: on that refusal it is undone, the refusal is
 * logged in the caller's transaction (which then commits) and `{ refused: true }` comes back,
 * for the procedure to answer BAD_REQUEST after the commit. The caller has checked
 * `remainingIdCardLookups` first.
 */
export async function writeUnlessIdCardHidden<T>(
  tx: Tx,
  lookup: { tenantId: string; actorUserId: string; idCardNumber: string | null | undefined; now: Date },
  write: (tx: Tx) => Promise<T>,
): Promise<{ written: T } | { refused: true }> {
  try {
    return { written: await tx.transaction((savepoint) => write(savepoint as unknown as Tx)) };
  } catch (error) {
    if (!lookup.idCardNumber || !isIdCardUnavailable(error)) throw error;
    await recordIdCardLookups(tx, lookup.tenantId, lookup.actorUserId, [{ kind: 'registration_refused', idCardNumber: lookup.idCardNumber }], lookup.now);
    return { refused: true };
  }
}

/**
 * Before a write that sets `idCardNumber`: BAD_REQUEST on `field` when a member the caller
 * sees (RLS, their own scope) already holds it, which they may be told. A holder outside the
 * scope is found only by the unique index, answered with `ID_CARD_UNAVAILABLE`.
 */
export async function refuseIdCardInScope(tx: Tx, tenantId: string, idCardNumber: string | null | undefined, field: string, exceptMemberId?: string) {
  if (!idCardNumber) return;
  const conditions: SQL[] = [eq(members.tenantId, tenantId), eq(members.idCardHash, idCardHash(tenantId, idCardNumber))];
  if (exceptMemberId) conditions.push(ne(members.id, exceptMemberId));
  const [held] = await tx.select({ id: members.id }).from(members).where(and(...conditions)).limit(1);
  if (held) throw badField(field, 'a member in your organizations already has this ID-card number');
}

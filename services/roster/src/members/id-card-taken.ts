import type { Tx } from '@tongxin/db';
import { badField, DomainError } from '@tongxin/errors';
import { and, eq } from 'drizzle-orm';
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
  return error instanceof DomainError && error.code === 'id_card_unavailable';
}

/**
 * A create or correction that sets `idCardNumber`, which tells whether someone holds it, so it
 * is an ID read wherever the holder is (issue 13 B). A member the caller sees (RLS, their own
 * scope) holding it is logged with that member; another member than `subjectId` (the member
 * corrected) is a refusal, `{ refused: 'in_scope' }`, which may name the holder as one of the
 * caller's. A holder out of sight is found only by the unique index: the write runs in a
 * savepoint, is undone, logged without the holder, and `{ refused: 'hidden' }` comes back.
 * Either refusal is answered by the procedure after the commit, so the log stays. The caller
 * has checked `remainingIdCardLookups` first.
 */
export async function writeUnlessIdCardTaken<T>(
  tx: Tx,
  lookup: { tenantId: string; actorUserId: string; idCardNumber: string | null | undefined; now: Date; subjectId?: string | undefined },
  write: (tx: Tx) => Promise<T>,
): Promise<{ written: T } | { refused: 'in_scope' | 'hidden' }> {
  const { tenantId, actorUserId, idCardNumber, now } = lookup;
  if (idCardNumber) {
    const holder = await inScopeHolder(tx, tenantId, idCardNumber, lookup.subjectId);
    if (holder) {
      await recordIdCardLookups(tx, tenantId, actorUserId, [{ kind: 'registration_in_scope', idCardNumber, memberId: holder }], now);
      if (holder !== lookup.subjectId) return { refused: 'in_scope' };
    }
  }
  try {
    return { written: await tx.transaction((savepoint) => write(savepoint as unknown as Tx)) };
  } catch (error) {
    if (!idCardNumber || !isIdCardUnavailable(error)) throw error;
    await recordIdCardLookups(tx, tenantId, actorUserId, [{ kind: 'registration_refused', idCardNumber }], now);
    return { refused: 'hidden' };
  }
}

/** The refusal `writeUnlessIdCardTaken` came back with, as BAD_REQUEST on `field`. */
export function idCardTaken(refused: 'in_scope' | 'hidden', field: string) {
  return badField(field, refused === 'in_scope' ? 'id_card_in_scope' : 'id_card_unavailable');
}

/** The member in the caller's sight (RLS) who holds the number: `subjectId` first, if they do. */
async function inScopeHolder(tx: Tx, tenantId: string, idCardNumber: string, subjectId: string | undefined): Promise<string | null> {
  const held = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.tenantId, tenantId), eq(members.idCardHash, idCardHash(tenantId, idCardNumber))))
    .limit(2);
  return held.find((m) => m.id === subjectId)?.id ?? held[0]?.id ?? null;
}

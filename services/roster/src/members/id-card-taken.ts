import type { Tx } from '@tongxin/db';
import { badField } from '@tongxin/trpc';
import { and, eq, ne, type SQL } from 'drizzle-orm';
import { members } from '../schema.ts';
import { idCardHash } from './list-members.ts';

/**
 * The answer when a number is held by a member RLS hides from the caller (the unique index
 * sees the whole county). It does not say that a member holds it, nor where: the same words
 * the import uses for such a row, and the level above, who sees further, can look into it
 * (issue 13, class B: a create must not tell who exists outside the caller's scope).
 */
export const ID_CARD_UNAVAILABLE = 'this ID-card number cannot be registered here: ask the level above';

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

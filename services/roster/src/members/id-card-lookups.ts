import type { Tx } from '@tongxin/db';
import { ID_CARD_LOOKUPS_PER_HOUR } from '@tongxin/ledger';
import { and, count, desc, eq, gt, sql, ne } from 'drizzle-orm';
import { idCardLookups, ID_CARD_LOOKUP_KINDS, members } from '../schema.ts';
import { idCardHash } from './list-members.ts';
import { DomainError } from '@tongxin/errors';

// A secretary looks up a number now and then; rebuilding one from its mask and birth date, or
// probing who is registered, takes many tries, each logged for the department.
const HOUR_MS = 60 * 60 * 1000;

export const TOO_MANY_ID_CARD_LOOKUPS =
  `More than ${ID_CARD_LOOKUPS_PER_HOUR} ID-card numbers searched, or registered while someone holds them, in the last hour: try again later. The organization department sees each of them`;

export type IdCardLookupKind = (typeof ID_CARD_LOOKUP_KINDS)[number];

export interface IdCardLookup {
  kind: IdCardLookupKind;
  idCardNumber: string;
  /** The member found in the caller's scope (a search's hit, a holder in scope); never the hidden holder of a refused number. */
  memberId?: string | null;
}

export const tooManyIdCardLookups = () => new DomainError('too_many_id_card_lookups', { message: TOO_MANY_ID_CARD_LOOKUPS });

/**
 * Before anything that can tell whether a whole ID-card number is held (a search, a create,
 * an import, a correction of the number): the lookups the user has left this hour, or
 * TOO_MANY_REQUESTS when none. Checked before the attempt, so a user at the limit learns
 * nothing, not even from a write that would have succeeded. The user's lookups queue on an
 * advisory lock until the transaction ends, so parallel requests cannot all pass one count.
 */
export async function remainingIdCardLookups(tx: Tx, tenantId: string, userId: string, now: Date): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`roster.id_card_lookups:${tenantId}:${userId}`}, 0))`);
  const [row] = await tx
    .select({ n: count() })
    .from(idCardLookups)
    .where(and(
      eq(idCardLookups.tenantId, tenantId), eq(idCardLookups.actorUserId, userId), gt(idCardLookups.at, new Date(now.getTime() - HOUR_MS)),
      ne(idCardLookups.kind, 'import_match'),
    ));
  const left = ID_CARD_LOOKUPS_PER_HOUR - Number(row?.n ?? 0);
  if (left <= 0) throw tooManyIdCardLookups();
  return left;
}

/** Logs lookups in the caller's transaction: the number only as its blind index. */
export async function recordIdCardLookups(tx: Tx, tenantId: string, actorUserId: string, lookups: readonly IdCardLookup[], now: Date): Promise<void> {
  if (lookups.length === 0) return;
  // No RETURNING: the department reads the log back (lookup_own_or_audit), the insert needs no read.
  await tx.insert(idCardLookups).values(
    lookups.map((l) => ({ tenantId, actorUserId, kind: l.kind, idCardHash: idCardHash(tenantId, l.idCardNumber), memberId: l.memberId ?? null, at: now })),
  );
}

/** A search by a whole number, logged with the member it found in the caller's scope (RLS), if any. */
export async function recordIdCardSearch(tx: Tx, tenantId: string, actorUserId: string, idCardNumber: string, now: Date): Promise<void> {
  const [found] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.tenantId, tenantId), eq(members.idCardHash, idCardHash(tenantId, idCardNumber))));
  await recordIdCardLookups(tx, tenantId, actorUserId, [{ kind: 'search', idCardNumber, memberId: found?.id ?? null }], now);
}

/**
 * The department's view of the lookups, newest first: who, when, which kind, the member a
 * search found, and for a refusal the member who holds the number (the department sees the
 * whole county), so an attempt on someone's number is visible as such.
 */
export async function listIdCardLookups(tx: Tx, tenantId: string, options: { actorUserId?: string | undefined; limit: number }) {
  const conditions = [eq(idCardLookups.tenantId, tenantId)];
  if (options.actorUserId) conditions.push(eq(idCardLookups.actorUserId, options.actorUserId));
  const rows = await tx
    .select({
      at: idCardLookups.at,
      actorUserId: idCardLookups.actorUserId,
      kind: idCardLookups.kind,
      foundMemberId: idCardLookups.memberId,
      holderId: members.id,
      holderName: members.name,
    })
    .from(idCardLookups)
    .leftJoin(members, and(eq(members.tenantId, idCardLookups.tenantId), eq(members.idCardHash, idCardLookups.idCardHash)))
    .where(and(...conditions))
    .orderBy(desc(idCardLookups.at), desc(idCardLookups.id))
    .limit(options.limit);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    kind: r.kind,
    foundMemberId: r.foundMemberId,
    holder: r.holderId ? { id: r.holderId, name: r.holderName! } : null,
  }));
}

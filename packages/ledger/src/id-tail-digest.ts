import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * What a member types to confirm who they are when activating an account (issue 12): the
 * last 6 characters of the ID-card number. Roster sends this digest in its member events
 * and identity computes the same from what the member typed, so identity never holds the
 * ID-card number. Salted with the member id, so equal tails of two members differ.
 * Pure JS (no node:crypto): it runs in the browser and on edge runtimes too.
 */
export function idTailDigest(memberId: string, idCardNumber: string): string;
export function idTailDigest(memberId: string, idCardNumber: string | null | undefined): string | null;
export function idTailDigest(memberId: string, idCardNumber: string | null | undefined): string | null {
  const tail = idCardNumber?.trim().slice(-6).toUpperCase();
  if (!tail) return null;
  return encodeHexLowerCase(sha256(new TextEncoder().encode(`${memberId}:${tail}`)));
}

/**
 * The blind index of a whole ID-card number, as `roster.members.id_card_hash` computes it
 * in SQL (sha256 of `tenant:NUMBER`, hex): search compares it for equality, so no prefix of a
 * number matches (issue 13, class B). Pure JS, for the same reason as above.
 */
export function idCardBlindIndex(tenantId: string, idCardNumber: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(`${tenantId}:${idCardNumber.trim().toUpperCase()}`)));
}

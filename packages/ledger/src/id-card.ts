/**
 * Mainland resident ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdCardProblem = 'format' | 'birth_date' | 'check_digit';

export function checkIdCard(raw: string): IdCardProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const birth = birthDateOf(id);
  if (!birth) return 'birth_date';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11] === id[17] ? null : 'check_digit';
}

/** `YYYY-MM-DD` from positions 7–14, or null when that is not a real past date. */
export function birthDateOf(id: string): string | null {
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date.getTime() > Date.now()) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function genderOf(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/**
 * Everywhere a number is not revealed (lists, members.get, exports, transfer snapshots,
 * history) it reads `431023************`: the region, which the member's county already
 * tells. Nothing else: the birth date (7–14) and gender are shown beside it, so any digit of
 * 15–18 would leave a handful of candidates to try (issue 13 B). Masking a masked value
 * masks it again: history written under the older mask (`4310************12`) loses its tail.
 */
export function maskIdCard(id: string | null): string | null {
  return id ? `${id.slice(0, 6)}${'*'.repeat(12)}` : null;
}

/**
 * Whole ID-card numbers one user may look up in an hour: searches, and creates, import rows or
 * corrections refused because someone out of sight holds the number (issue 13 B). Roster
 * enforces it; the secretary view says it.
 */
export const ID_CARD_LOOKUPS_PER_HOUR = 20;

/** The check character for 17 digits: test fixtures and demo data build valid numbers with it. */
export function withCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return first17 + CHECK[sum % 11];
}

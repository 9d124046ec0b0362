import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** How long a destination outside Tongxin has to answer (issue 17), as an activation code lives. */
export const CHECKIN_LINK_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export const linkExpiry = (now: Date) => new Date(now.getTime() + CHECKIN_LINK_DAYS * DAY_MS);

/**
 * The secret in the link a destination outside Tongxin answers by: 160 random bits, as
 * identity's link tokens and roster's certificate codes. Only its SHA-256 is kept
 * (`checkin_links.token_hash`), so a leaked table answers nothing; guessing 160 bits is
 * hopeless, and the public procedure throttles failures per client address besides.
 */
export function newLinkToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** What is stored and looked up: the token as typed or opened, trimmed and lower-cased. */
export function hashLinkToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token.trim().toLowerCase())));
}

/** The shell's public page that answers a link (frontends/shell/src/public/checkin-answer-page.tsx). */
export const checkinLinkPath = (tenantId: string, token: string) => `/checkin-answer?t=${encodeURIComponent(tenantId)}&token=${token}`;

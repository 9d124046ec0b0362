import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * The secret in a certificate's QR code: 160 random bits, as identity's link tokens. Only its
 * SHA-256 is kept (`certificates.token_hash`), so a leaked table verifies nothing; a new token
 * replaces the old one each time the member shows the code, so a photographed code stops
 * working once the member has shown a newer one.
 */
export function newCertificateToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** What is stored and looked up: the token as scanned, trimmed and lower-cased. */
export function hashCertificateToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token.trim().toLowerCase())));
}

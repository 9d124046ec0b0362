import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * What a person types from a paper sheet or an SMS: no 0/O, 1/I/L look-alikes (issue 12).
 * 31 symbols, 10 characters: ~49 bits, and every guess is limited per code and per client.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 10;

/** A new activation code, grouped for reading aloud: `ABCDE-FGHJK`. */
export function newActivationCode(): string {
  const chars = randomSymbols(CODE_ALPHABET, CODE_LENGTH);
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** A 6-digit SMS code (password reset): short-lived and limited to 5 tries. */
export function newSmsCode(): string {
  return randomSymbols('0123456789', 6);
}

/** A link token (invitations, the first operator's setup): 160 random bits. */
export function newLinkToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The typed code as stored and compared: upper case, without dashes or spaces. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Only this is stored: a leaked table opens nothing. */
export function hashCode(code: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalizeCode(code))));
}

/** Unbiased: rejection sampling over random bytes. */
function randomSymbols(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const bytes = new Uint8Array(length * 2);
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** `138****0001`: how lists and logs of staff show a phone. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

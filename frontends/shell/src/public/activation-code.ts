/**
 * Activation codes: 10 characters from an alphabet without look-alikes (no 0/1/I/L/O),
 * shown as XXXXX-XXXXX. People type them from paper or a message: lower case, dashes and
 * spaces are accepted and dropped.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 10;

/** The code's characters alone, upper case (what the server is sent). */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-_.]/g, '');
}

/** As shown while typing: XXXXX-XXXXX (anything past 10 characters is kept, to be refused). */
export function displayCode(typed: string): string {
  const code = normalizeCode(typed);
  return code.length > 5 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

export function isWellFormedCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((char) => CODE_ALPHABET.includes(char));
}

import type { PhotoType } from '../schema/evidence.ts';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/**
 * What an upload really is, from its first bytes (JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A,
 * WebP "RIFF" size "WEBP"), never from its name or declared type; null when none of the three.
 */
export function imageTypeOf(bytes: Uint8Array): PhotoType | null {
  if (bytes.length >= 3 && startsWith(bytes, JPEG)) return 'image/jpeg';
  if (bytes.length >= 8 && startsWith(bytes, PNG)) return 'image/png';
  if (bytes.length >= 12 && startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp';
  return null;
}

export const EXTENSIONS: Record<PhotoType, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' };

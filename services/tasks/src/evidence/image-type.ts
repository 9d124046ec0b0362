import type { PhotoType } from '../schema/evidence.ts';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/** Larger than any phone camera's side; the phone resizes to 1600 px before uploading (issue 7). */
export const MAX_PHOTO_SIDE = 20_000;

export type ImageHeader = { type: PhotoType; width: number; height: number };

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

/**
 * The type and the dimensions an image's header declares, or null when the header is not a
 * whole one of its type (issue 13 G: FF D8 FF and filler passed as a JPEG). As far as is cheap
 * without decoding the pixels (no image library is a dependency here): a JPEG's frame header
 * (SOFn) reached by walking its segments, a PNG's IHDR chunk, a WebP's VP8, VP8L or VP8X header.
 */
export function imageHeaderOf(bytes: Uint8Array): ImageHeader | null {
  const type = imageTypeOf(bytes);
  const size = type === 'image/jpeg' ? jpegSize(bytes) : type === 'image/png' ? pngSize(bytes) : type === 'image/webp' ? webpSize(bytes) : null;
  if (!type || !size) return null;
  const fits = (side: number) => Number.isInteger(side) && side >= 1 && side <= MAX_PHOTO_SIDE;
  return fits(size.width) && fits(size.height) ? { type, ...size } : null;
}

type Size = { width: number; height: number };
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

function jpegSize(b: Uint8Array): Size | null {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) { at += 1; continue; } // fill byte
    // Markers without a length: TEM and RSTn; SOI again or EOI before a frame is no image.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0xda) return null;
    const length = u16be(b, at + 2);
    if (length < 2) return null;
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 7 || at + 9 > b.length) return null;
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

function pngSize(b: Uint8Array): Size | null {
  // Signature, then the IHDR chunk first: length 13, "IHDR", width, height (big-endian).
  if (b.length < 24 || u32be(b, 8) !== 13 || !startsWith(b, [0x49, 0x48, 0x44, 0x52], 12)) return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

function webpSize(b: Uint8Array): Size | null {
  if (b.length < 30) return null;
  const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
  if (chunk === 'VP8 ') {
    // A key frame's start code, then 14-bit width and height.
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) return null;
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

export const EXTENSIONS: Record<PhotoType, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' };

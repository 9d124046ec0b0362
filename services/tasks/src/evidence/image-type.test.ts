import { describe, expect, it } from 'vitest';
import { images } from '../testing/tasks-fixture.ts';
import { imageHeaderOf, imageTypeOf, MAX_PHOTO_SIDE } from './image-type.ts';

describe('imageTypeOf', () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(imageTypeOf(images.jpeg(16))).toBe('image/jpeg');
    expect(imageTypeOf(images.png(16))).toBe('image/png');
    expect(imageTypeOf(images.webp(16))).toBe('image/webp');
  });

  it('refuses anything else: text, a GIF, a RIFF that is not WebP (a WAV), a truncated header', () => {
    expect(imageTypeOf(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(imageTypeOf(new TextEncoder().encode('GIF89a......'))).toBeNull();
    expect(imageTypeOf(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(imageTypeOf(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(imageTypeOf(new Uint8Array(0))).toBeNull();
  });
});

describe('imageHeaderOf', () => {
  it('reads the dimensions from a JPEG frame header, a PNG IHDR and a WebP frame', () => {
    expect(imageHeaderOf(images.jpeg(2048, 1600, 1200))).toEqual({ type: 'image/jpeg', width: 1600, height: 1200 });
    expect(imageHeaderOf(images.png(2048, 800, 600))).toEqual({ type: 'image/png', width: 800, height: 600 });
    expect(imageHeaderOf(images.webp(2048, 1024, 768))).toEqual({ type: 'image/webp', width: 1024, height: 768 });
  });

  it('refuses a signature followed by filler: the attack of issue 13 G (FF D8 FF and 2 MB of anything)', () => {
    const filler = new Uint8Array(2 * 1024 * 1024).fill(0x41);
    filler.set([0xff, 0xd8, 0xff]);
    expect(imageHeaderOf(filler)).toBeNull();
    const png = new Uint8Array(64).fill(0x41);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(imageHeaderOf(png)).toBeNull();
    expect(imageHeaderOf(new TextEncoder().encode('RIFF\xf8\x07\0\0WEBPVP8 ........................'))).toBeNull();
  });

  it('refuses a header cut short, and a side of zero or beyond any camera', () => {
    expect(imageHeaderOf(images.jpeg(26))).toBeNull();
    expect(imageHeaderOf(images.png(20))).toBeNull();
    expect(imageHeaderOf(images.jpeg(2048, 0, 480))).toBeNull();
    expect(imageHeaderOf(images.png(2048, MAX_PHOTO_SIDE + 1, 10))).toBeNull();
  });
});

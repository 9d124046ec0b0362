import { describe, expect, it } from 'vitest';
import { images } from '../testing/tasks-fixture.ts';
import { imageTypeOf } from './image-type.ts';

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

import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_SIDE, resizedSize } from './photo-size.ts';

describe('the size a photo is sent at (issue 18: resized on the phone)', () => {
  it('a 4000 × 3000 phone photo becomes 1600 × 1200, and the same upright', () => {
    expect(resizedSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(resizedSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(MAX_PHOTO_SIDE).toBe(1600);
  });

  it('keeps the proportions, rounding to whole pixels', () => {
    expect(resizedSize(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(resizedSize(4624, 2600)).toEqual({ width: 1600, height: 900 });
    expect(resizedSize(1601, 1000)).toEqual({ width: 1600, height: 999 });
  });

  it('a photo already small enough is never enlarged', () => {
    expect(resizedSize(1600, 1600)).toEqual({ width: 1600, height: 1600 });
    expect(resizedSize(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('a very long strip keeps at least one pixel across', () => {
    expect(resizedSize(1, 8000)).toEqual({ width: 1, height: 1600 });
    expect(resizedSize(20000, 2)).toEqual({ width: 1600, height: 1 });
  });

  it('another limit can be asked', () => {
    expect(resizedSize(4000, 3000, 800)).toEqual({ width: 800, height: 600 });
  });
});

import { describe, expect, it } from 'vitest';
import { birthDateOf, genderOf, maskIdCard, withCheckDigit } from './id-card.ts';

describe('maskIdCard (issue 13 B)', () => {
  const id = withCheckDigit('43102319880312124');

  it('shows the region only: no digit of the birth date, the sequence or the check character', () => {
    expect(maskIdCard(id)).toBe('431023************');
    expect(maskIdCard(id)).toHaveLength(18);
  });

  it('adds nothing to what members.get shows beside it: the birth date and gender leave hundreds of candidates, not a handful', () => {
    // What a secretary sees: the mask, birthDate, gender. Every number that fits them is a candidate.
    const shown = { masked: maskIdCard(id)!, birth: birthDateOf(id), gender: genderOf(id) };
    let candidates = 0;
    for (let seq = 0; seq < 1000; seq++) {
      const guess = withCheckDigit(`${shown.masked.slice(0, 6)}${shown.birth!.replaceAll('-', '')}${String(seq).padStart(3, '0')}`);
      if (maskIdCard(guess) === shown.masked && genderOf(guess) === shown.gender) candidates++;
    }
    expect(candidates).toBe(500);
  });

  it('masks a value written under the older mask again, so old history loses its last two digits', () => {
    expect(maskIdCard('4310************12')).toBe('4310**************');
  });

  it('leaves no number as null', () => {
    expect(maskIdCard(null)).toBeNull();
  });
});

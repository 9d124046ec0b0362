import { describe, expect, it } from 'vitest';
import { certificateNumber, countyNameOf } from './county-name.ts';

describe('the county’s name on a certificate', () => {
  it('is read from the root org’s name, without the party’s prefix', () => {
    expect(countyNameOf('中共永兴县委组织部')).toEqual({ short: '永兴', full: '永兴县' });
    expect(countyNameOf('宜章县委')).toEqual({ short: '宜章', full: '宜章县' });
    expect(countyNameOf('中国共产党资兴市委员会')).toEqual({ short: '资兴', full: '资兴市' });
    expect(countyNameOf('北湖区委组织部')).toEqual({ short: '北湖', full: '北湖区' });
    // A root named otherwise is taken as it is.
    expect(countyNameOf('基准组织部')).toEqual({ short: '基准组织部', full: '基准组织部' });
  });

  it('numbers a certificate as the county’s register does', () => {
    expect(certificateNumber({ short: '永兴', full: '永兴县' }, 2026, 12)).toBe('永兴〔2026〕第012号');
    expect(certificateNumber({ short: '永兴', full: '永兴县' }, 2027, 1234)).toBe('永兴〔2027〕第1234号');
  });
});

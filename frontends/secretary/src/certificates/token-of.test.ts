import { describe, expect, it } from 'vitest';
import { tokenOf } from './token-of.ts';

describe('the token of what a secretary scanned or pasted', () => {
  it('is read from the code’s link, or taken as it is', () => {
    expect(tokenOf('https://tongxin.example.gov.cn/secretary?page=verify-certificate&token=abcDEF234567 ')).toBe('abcdef234567');
    expect(tokenOf('  abcdef234567\n')).toBe('abcdef234567');
  });
});

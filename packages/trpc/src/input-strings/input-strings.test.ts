import { describe, expect, it } from 'vitest';
import { badStringPath } from './input-strings.ts';

describe('strings every procedure refuses', () => {
  it('finds a NUL or a lone surrogate anywhere in the input, by its path', () => {
    expect(badStringPath({ name: 'a\u0000b' })).toBe('name');
    expect(badStringPath({ rows: [{ parent: 'ok' }, { parent: '\ud800' }] })).toBe('rows.1.parent');
    expect(badStringPath('\udc00x')).toBe('(input)');
    expect(badStringPath({ ['k\u0000']: 1 })).toBe('(key)');
  });

  it('lets ordinary text through, Chinese and emoji included', () => {
    expect(badStringPath({ name: '李明', note: '冰糖橙 🍊', n: 3, list: ['a', null] })).toBeNull();
  });
});

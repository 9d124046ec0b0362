import { describe, expect, it } from 'vitest';
import * as native from './argon2-native.ts';
import * as portable from './argon2-portable.ts';

describe('the two argon2id implementations', () => {
  it('verify each other’s hashes, so an account works on Node and on an edge runtime', async () => {
    const fromNode = await native.hashArgon2id('bingtang-oranges');
    const fromEdge = await portable.hashArgon2id('bingtang-oranges');
    expect(fromEdge).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await portable.verifyArgon2id(fromNode, 'bingtang-oranges')).toBe(true);
    expect(await native.verifyArgon2id(fromEdge, 'bingtang-oranges')).toBe(true);
    expect(await portable.verifyArgon2id(fromNode, 'bingtang-orangez')).toBe(false);
    expect(await portable.verifyArgon2id('not a hash', 'bingtang-oranges')).toBe(false);
  });
});

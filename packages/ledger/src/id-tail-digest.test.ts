import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idTailDigest } from './id-tail-digest.ts';

const MEMBER = '6f1c2a5e-8d3b-4c1a-9e2f-0a1b2c3d4e5f';

describe('idTailDigest', () => {
  it('is the lowercase hex SHA-256 of the member id and the last 6 characters, uppercased', () => {
    const expected = createHash('sha256').update(`${MEMBER}:01234X`).digest('hex');
    expect(idTailDigest(MEMBER, '43102319850301234x')).toBe(expected);
  });

  it('gives the same digest for the whole number and for the typed tail, whatever its case', () => {
    expect(idTailDigest(MEMBER, '43102319850301234X')).toBe(idTailDigest(MEMBER, '01234x'));
  });

  it('differs between members with the same tail', () => {
    expect(idTailDigest(MEMBER, '01234X')).not.toBe(idTailDigest('00000000-0000-4000-8000-000000000000', '01234X'));
  });

  it('is null without a number', () => {
    expect(idTailDigest(MEMBER, null)).toBeNull();
    expect(idTailDigest(MEMBER, '  ')).toBeNull();
  });
});

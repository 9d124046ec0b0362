import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { passwordProblem } from './password-policy.ts';

describe('passwords', () => {
  it('must be at least 10 characters and not a common one', () => {
    expect(passwordProblem('short-pw1')).toMatch(/at least 10/);
    expect(passwordProblem('1234567890')).toMatch(/too common/);
    expect(passwordProblem('Password123')).toMatch(/too common/);
    expect(passwordProblem('bingtang-oranges')).toBeNull();
  });

  it('are stored as argon2id hashes that verify only the same password', async () => {
    const stored = await hashPassword('bingtang-oranges');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'bingtang-oranges')).toBe(true);
    expect(await verifyPassword(stored, 'bingtang-orangez')).toBe(false);
  });
});

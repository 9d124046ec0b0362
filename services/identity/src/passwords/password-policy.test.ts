import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { passwordProblem } from './password-policy.ts';

describe('passwords', () => {
  it('must be at least 10 characters and not a common one', () => {
    expect(passwordProblem('short-pw1')).toBe('password_too_short');
    expect(passwordProblem('1234567890')).toBe('password_common');
    expect(passwordProblem('Password123')).toBe('password_common');
    expect(passwordProblem('bingtang-oranges')).toBeNull();
  });

  it('are stored as argon2id hashes that verify only the same password', async () => {
    const stored = await hashPassword('bingtang-oranges');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'bingtang-oranges')).toBe(true);
    expect(await verifyPassword(stored, 'bingtang-orangez')).toBe(false);
  });
});

import { hashArgon2id, verifyArgon2id } from '#argon2';

export function hashPassword(password: string): Promise<string> {
  return hashArgon2id(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verifyArgon2id(passwordHash, password);
}

/** Verified against when the account does not exist, so the answer takes as long either way. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('no such account, but take the time anyway');
  return dummyHash;
}

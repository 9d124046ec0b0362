import { argon2idAsync } from '@noble/hashes/argon2.js';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase64IgnorePadding, encodeBase64NoPadding } from '@oslojs/encoding';
import { ARGON2 } from './argon2-params.ts';

// On edge runtimes (workerd forbids compiling WebAssembly at run time and has no native
// addons): @noble/hashes' audited pure-JS argon2id, ~0.5 s a hash on this machine. It
// writes and reads the same PHC strings as the native one, so either verifies the other's.

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export async function hashArgon2id(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(ARGON2.saltBytes));
  const { memoryKiB: m, passes: t, lanes: p, hashBytes } = ARGON2;
  const digest = await argon2idAsync(password, salt, { m, t, p, dkLen: hashBytes });
  return `$argon2id$v=19$m=${m},t=${t},p=${p}$${encodeBase64NoPadding(salt)}$${encodeBase64NoPadding(digest)}`;
}

export async function verifyArgon2id(phc: string, password: string): Promise<boolean> {
  const match = PHC.exec(phc);
  if (!match) return false;
  const [, m, t, p, salt, expected] = match;
  const wanted = decodeBase64IgnorePadding(expected!);
  const digest = await argon2idAsync(password, decodeBase64IgnorePadding(salt!), { m: Number(m), t: Number(t), p: Number(p), dkLen: wanted.length });
  return constantTimeEqual(digest, wanted);
}

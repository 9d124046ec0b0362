import { hash, verify } from '@node-rs/argon2';
import { ARGON2 } from './argon2-params.ts';

// On Node: @node-rs/argon2, prebuilt native code inside the npm package (~27 ms a hash here).
// Edge runtimes resolve `#argon2` to argon2-portable.ts instead (package.json "imports").

export function hashArgon2id(password: string): Promise<string> {
  return hash(password, { memoryCost: ARGON2.memoryKiB, timeCost: ARGON2.passes, parallelism: ARGON2.lanes, outputLen: ARGON2.hashBytes });
}

export function verifyArgon2id(phc: string, password: string): Promise<boolean> {
  return verify(phc, password).catch(() => false);
}

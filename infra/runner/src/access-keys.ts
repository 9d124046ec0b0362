import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateAccessKeys, importAccessKeys, type AccessKeys } from '@tongxin/auth';

/**
 * identity's signing key pair. Kept in the data folder so a restart keeps sessions usable;
 * a deployment provides its own (identity holds the private key, services the public one).
 */
export async function loadOrCreateAccessKeys(dataDir: string): Promise<AccessKeys> {
  const file = join(dataDir, 'access-keys.json');
  try {
    const saved = JSON.parse(await readFile(file, 'utf8'));
    return await importAccessKeys(saved.publicJwk, saved.privateJwk);
  } catch {
    const { keys, privateJwk, publicJwk } = await generateAccessKeys();
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify({ publicJwk, privateJwk }), { mode: 0o600 });
    return keys;
  }
}

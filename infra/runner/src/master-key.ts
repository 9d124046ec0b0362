import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateMasterKey } from '@tongxin/sms';

/**
 * The key that seals counties' SMS secret keys (issue 12: encrypted at rest). A deployment
 * sets TONGXIN_MASTER_KEY and keeps it apart from the database's backups; without it, one is
 * made once and kept in the data folder, as the access keys are, so a restart can still read
 * what was sealed.
 */
export async function loadOrCreateMasterKey(dataDir: string, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'master-key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const key = generateMasterKey();
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  }
}

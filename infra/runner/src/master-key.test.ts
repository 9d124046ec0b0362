import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decryptSecret, encryptSecret } from '@tongxin/sms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateMasterKey } from './master-key.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongxin-master-key-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the master key', () => {
  it('is made once and read back after a restart, so what it sealed stays readable', async () => {
    const first = await loadOrCreateMasterKey(join(dir, 'data'), undefined);
    const sealed = await encryptSecret('tencent-secret', first);
    const again = await loadOrCreateMasterKey(join(dir, 'data'), undefined);

    expect(again).toBe(first);
    expect(await decryptSecret(sealed, again)).toBe('tencent-secret');
    expect((await stat(join(dir, 'data', 'master-key'))).mode & 0o777).toBe(0o600);
  });

  it('comes from the environment when the deployment provides one', async () => {
    const provided = Buffer.alloc(32, 7).toString('base64');
    expect(await loadOrCreateMasterKey(join(dir, 'other'), provided)).toBe(provided);
  });
});

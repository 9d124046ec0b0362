import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, generateMasterKey } from './secret-box.ts';

describe('secrets at rest', () => {
  it('decrypt gives back what encrypt sealed, and the sealed text does not contain it', async () => {
    const key = generateMasterKey();
    const sealed = await encryptSecret('tencent-secret-key-0001', key);

    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain('tencent-secret-key-0001');
    expect(await decryptSecret(sealed, key)).toBe('tencent-secret-key-0001');
  });

  it('seals the same secret differently each time', async () => {
    const key = generateMasterKey();
    expect(await encryptSecret('same', key)).not.toBe(await encryptSecret('same', key));
  });

  it('refuses a changed ciphertext', async () => {
    const key = generateMasterKey();
    const [version, iv, cipher] = (await encryptSecret('tencent-secret-key-0001', key)).split(':') as [string, string, string];
    const bytes = Uint8Array.from(atob(cipher), (c) => c.charCodeAt(0));
    bytes[0]! ^= 1;
    const tampered = `${version}:${iv}:${btoa(String.fromCharCode(...bytes))}`;

    await expect(decryptSecret(tampered, key)).rejects.toThrow('cannot be decrypted');
  });

  it('refuses another master key', async () => {
    const sealed = await encryptSecret('tencent-secret-key-0001', generateMasterKey());
    await expect(decryptSecret(sealed, generateMasterKey())).rejects.toThrow('cannot be decrypted');
  });

  it('refuses text that is not a sealed secret, and a master key that is not 32 bytes', async () => {
    const key = generateMasterKey();
    await expect(decryptSecret('tencent-secret-key-0001', key)).rejects.toThrow('not an encrypted secret');
    await expect(encryptSecret('x', btoa('short'))).rejects.toThrow('32 bytes');
  });
});

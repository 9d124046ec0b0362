import { describe, expect, it } from 'vitest';
import { createAccessTokenVerifier } from './access-token-verifier.ts';
import { ACCESS_TOKEN_TTL_S, generateAccessKeys, mintAccessToken, verifyAccessToken } from './access-token.ts';

const claims = { userId: 'u1', tenantId: '431023', sessionId: 's1', name: '李明', roles: [{ role: 'member' as const, orgId: 'o1' }] };

describe('access tokens', () => {
  it('verify with the public key alone until they expire 60 seconds after minting', async () => {
    const { keys } = await generateAccessKeys();
    const minted = new Date('2026-11-26T08:00:00Z');
    const token = await mintAccessToken(keys, claims, minted);
    const verifier = { publicKey: keys.publicKey };
    expect(ACCESS_TOKEN_TTL_S).toBe(60);
    expect(await verifyAccessToken(verifier, token, new Date(minted.getTime() + 59_000))).toEqual({ ...claims, expiresAt: new Date(minted.getTime() + 60_000) });
    expect(await verifyAccessToken(verifier, token, new Date(minted.getTime() + 60_000))).toBeNull();
  });

  it('the caching verifier still refuses a remembered token once it expires', async () => {
    const { keys } = await generateAccessKeys();
    const minted = new Date('2026-11-26T08:00:00Z');
    const token = await mintAccessToken(keys, claims, minted);
    const verify = createAccessTokenVerifier({ publicKey: keys.publicKey });
    expect(await verify(token, new Date(minted.getTime() + 1_000))).toMatchObject(claims);
    expect(await verify(token, new Date(minted.getTime() + 59_999))).toMatchObject(claims);
    expect(await verify(token, new Date(minted.getTime() + 60_000))).toBeNull();
  });

  it('a token signed with another key is refused', async () => {
    const { keys } = await generateAccessKeys();
    const { keys: forger } = await generateAccessKeys();
    const now = new Date();
    expect(await verifyAccessToken(keys, await mintAccessToken(forger, claims, now), now)).toBeNull();
  });

  it('only identity, holding the private key, can mint', async () => {
    const { keys } = await generateAccessKeys();
    await expect(mintAccessToken({ publicKey: keys.publicKey }, claims, new Date())).rejects.toThrow(/only identity/);
  });
});

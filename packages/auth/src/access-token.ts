import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK } from 'jose';
import type { RoleGrant } from './roles.ts';

/**
 * Services other than identity authenticate with a short-lived access token that identity
 * mints from a live session, verified with identity's public key: no call to identity per
 * request. A session ended in identity mints no new token, so it stops working everywhere
 * once the last token expires: within ACCESS_TOKEN_TTL_S (ARCHITECTURE.md, "Sessions").
 */
export const ACCESS_TOKEN_TTL_S = 60;
const ALG = 'ES256';
const ISSUER = 'tongxin/identity';

export interface AccessClaims {
  userId: string;
  tenantId: string;
  sessionId: string;
  name: string;
  roles: RoleGrant[];
}

export interface VerifiedClaims extends AccessClaims {
  expiresAt: Date;
}

export interface AccessKeys {
  publicKey: CryptoKey;
  /** Only identity holds it. */
  privateKey?: CryptoKey;
}

export async function generateAccessKeys(): Promise<{ keys: AccessKeys; privateJwk: JWK; publicJwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true });
  return { keys: { publicKey, privateKey }, privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}

export async function importAccessKeys(publicJwk: JWK, privateJwk?: JWK): Promise<AccessKeys> {
  const publicKey = (await importJWK(publicJwk, ALG)) as CryptoKey;
  if (!privateJwk) return { publicKey };
  return { publicKey, privateKey: (await importJWK(privateJwk, ALG)) as CryptoKey };
}

export async function mintAccessToken(keys: AccessKeys, claims: AccessClaims, now: Date): Promise<string> {
  if (!keys.privateKey) throw new Error('only identity can mint access tokens');
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ tid: claims.tenantId, sid: claims.sessionId, name: claims.name, roles: claims.roles })
    .setProtectedHeader({ alg: ALG })
    .setIssuer(ISSUER)
    .setSubject(claims.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_S)
    .sign(keys.privateKey);
}

/** The claims of a valid token, or null for a missing, forged or expired one. */
export async function verifyAccessToken(keys: AccessKeys, token: string, now: Date): Promise<VerifiedClaims | null> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      issuer: ISSUER,
      algorithms: [ALG],
      currentDate: now,
      clockTolerance: 0,
    });
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number') return null;
    return {
      userId: payload.sub,
      tenantId: payload.tid,
      sessionId: payload.sid,
      name: typeof payload.name === 'string' ? payload.name : '',
      roles: Array.isArray(payload.roles) ? (payload.roles as RoleGrant[]) : [],
      expiresAt: new Date(payload.exp * 1000),
    };
  } catch {
    return null;
  }
}

import { decodeBase64, encodeBase64 } from '@oslojs/encoding';

/**
 * A county's provider secret key is kept encrypted at rest (issue 12): AES-256-GCM under a
 * master key the host holds outside the database, with WebCrypto so the same code runs on
 * Node and on an edge runtime. The output names its format (`v1:`) so the scheme can change
 * later without guessing what an old row holds. GCM authenticates: a changed byte throws.
 */
const VERSION = 'v1';
const IV_BYTES = 12;

// A copy on its own ArrayBuffer, which WebCrypto's BufferSource type asks for.
const bytesOf = (base64: string) => new Uint8Array(decodeBase64(base64));

async function importMasterKey(masterKey: string): Promise<CryptoKey> {
  const raw = bytesOf(masterKey);
  if (raw.length !== 32) throw new Error('the master key must be 32 bytes, base64');
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** A fresh master key (32 random bytes, base64), for a host that has none yet. */
export function generateMasterKey(): string {
  return encodeBase64(crypto.getRandomValues(new Uint8Array(32)));
}

export async function encryptSecret(plain: string, masterKey: string): Promise<string> {
  const key = await importMasterKey(masterKey);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plain));
  return `${VERSION}:${encodeBase64(iv)}:${encodeBase64(new Uint8Array(cipher))}`;
}

/** Throws when the text was not made by `encryptSecret` under this key, or was changed since. */
export async function decryptSecret(sealed: string, masterKey: string): Promise<string> {
  const [version, iv, cipher, ...rest] = sealed.split(':');
  if (version !== VERSION || iv === undefined || cipher === undefined || rest.length > 0) {
    throw new Error('not an encrypted secret (v1)');
  }
  const key = await importMasterKey(masterKey);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytesOf(iv) }, key, bytesOf(cipher));
    return new TextDecoder().decode(plain);
  } catch {
    // WebCrypto's OperationError says nothing useful; say what it means here.
    throw new Error('the secret cannot be decrypted: wrong master key or changed ciphertext');
  }
}

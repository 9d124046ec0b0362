import { and, eq } from 'drizzle-orm';
import type { Tx } from '@tongxin/db';
import { members, memberVersions } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

/**
 * What an idempotency key was first sent with: the caller, the procedure and the input
 * (without the key), as sha256 hex of canonical JSON. Stored beside the key, so a retry is
 * answered from what was stored, and a key re-sent with other content (another candidate
 * ID-card number, issue 13 B) is refused before the new content is looked at.
 */
export async function requestDigest(actorUserId: string, procedure: string, input: Record<string, unknown>): Promise<string> {
  const { idempotencyKey: _key, ...content } = input;
  const text = canonicalJson({ actorUserId, procedure, content });
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSON with object keys sorted at every level, so equal inputs give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const KEY_USED_FOR_ANOTHER_REQUEST = 'This idempotency key was used for another request';

export const keyUsedForAnotherRequest = () => new DomainError('idempotency_key_reused', { message: KEY_USED_FOR_ANOTHER_REQUEST });

/**
 * Keys roster makes itself for the members an import creates (`import:<number>`): a client
 * key in that space would ask whether a number was ever imported, so clients may not send one.
 */
export const IMPORT_KEY_PREFIX = 'import:';

/**
 * The member a create with this key made, if the caller can see it: the same content answers
 * as that create did; other content (or a key another user sent) is CONFLICT. Null when no
 * visible create used the key.
 */
export async function replayedCreate(tx: Tx, tenantId: string, idempotencyKey: string, digest: string): Promise<{ id: string } | null> {
  if (idempotencyKey.startsWith(IMPORT_KEY_PREFIX)) throw keyUsedForAnotherRequest();
  const [done] = await tx
    .select({ id: members.id, requestDigest: members.requestDigest })
    .from(members)
    .where(and(eq(members.tenantId, tenantId), eq(members.idempotencyKey, idempotencyKey)));
  if (!done) return null;
  if (done.requestDigest !== digest) throw keyUsedForAnotherRequest();
  return { id: done.id };
}

/** The same for a change to a member (member_versions): the version it wrote, as first answered. */
export async function replayedMemberChange(tx: Tx, tenantId: string, idempotencyKey: string, digest: string) {
  const [done] = await tx
    .select({ version: memberVersions.version, changes: memberVersions.changes, requestDigest: memberVersions.requestDigest })
    .from(memberVersions)
    .where(and(eq(memberVersions.tenantId, tenantId), eq(memberVersions.idempotencyKey, idempotencyKey)));
  if (!done) return null;
  if (done.requestDigest !== digest) throw keyUsedForAnotherRequest();
  return { version: done.version, changes: done.changes };
}

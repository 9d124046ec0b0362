import type { AccessClaims } from '@tongxin/auth';
import { tenantTransaction, type Database } from '@tongxin/db';
import type { BlobStore } from '@tongxin/storage';
import { and, eq, gt, sql } from 'drizzle-orm';
import { evidencePhotos, type PhotoType } from '../schema.ts';
import { EVIDENCE_QUOTA, type QuotaExceeded } from './evidence-quota.ts';
import { EXTENSIONS } from './image-type.ts';

/**
 * Keeps an uploaded evidence photo: the bytes in the blob store under a key the server
 * chooses (never a client's name), the row in the uploader's county. Both in one step: a
 * failed store rolls the row back. Within the uploader's quota only (`EVIDENCE_QUOTA`): their
 * uploads are serialized by an advisory lock, so parallel uploads cannot all pass the check.
 * An upload sent again with the key it was first sent with (the phone's queue after a lost
 * answer, issue 18) answers the photo stored then, and stores nothing (nor counts on the quota).
 */
export async function storeEvidencePhoto(
  database: Database,
  blobs: BlobStore,
  uploader: AccessClaims,
  photo: { bytes: Uint8Array; type: PhotoType; uploadKey?: string },
  now: Date,
): Promise<{ photoId: string } | { exceeded: QuotaExceeded }> {
  const photoId = crypto.randomUUID();
  const blobKey = `evidence/${uploader.tenantId.replace(/[^A-Za-z0-9_-]/g, '_')}/${photoId}${EXTENSIONS[photo.type]}`;
  return tenantTransaction(database, { tenantId: uploader.tenantId, userId: uploader.userId }, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`evidence:${uploader.tenantId}:${uploader.userId}`}))`);
    if (photo.uploadKey) {
      const [stored] = await tx
        .select({ photoId: evidencePhotos.id })
        .from(evidencePhotos)
        .where(and(eq(evidencePhotos.tenantId, uploader.tenantId), eq(evidencePhotos.userId, uploader.userId), eq(evidencePhotos.uploadKey, photo.uploadKey)));
      if (stored) return stored;
    }
    const since = new Date(now.getTime() - EVIDENCE_QUOTA.windowMs);
    const [used] = await tx
      .select({ photos: sql<number>`count(*)::int`, bytes: sql<number>`coalesce(sum(${evidencePhotos.size}), 0)::bigint` })
      .from(evidencePhotos)
      .where(and(eq(evidencePhotos.tenantId, uploader.tenantId), eq(evidencePhotos.userId, uploader.userId), gt(evidencePhotos.createdAt, since)));
    if (used!.photos + 1 > EVIDENCE_QUOTA.photos) return { exceeded: 'photos_per_day' as const };
    if (Number(used!.bytes) + photo.bytes.length > EVIDENCE_QUOTA.bytes) return { exceeded: 'bytes_per_day' as const };
    await tx.insert(evidencePhotos).values({ tenantId: uploader.tenantId, id: photoId, userId: uploader.userId, contentType: photo.type, size: photo.bytes.length, blobKey, uploadKey: photo.uploadKey ?? null, createdAt: now });
    await blobs.put(blobKey, photo.bytes, photo.type);
    return { photoId };
  });
}

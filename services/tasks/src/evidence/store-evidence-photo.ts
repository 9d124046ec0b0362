import type { AccessClaims } from '@tongxin/auth';
import { tenantTransaction, type Database } from '@tongxin/db';
import type { BlobStore } from '@tongxin/storage';
import { evidencePhotos, type PhotoType } from '../schema.ts';
import { EXTENSIONS } from './image-type.ts';

/**
 * Keeps an uploaded evidence photo: the bytes in the blob store under a key the server
 * chooses (never a client's name), the row in the uploader's county. Both in one step: a
 * failed store rolls the row back.
 */
export async function storeEvidencePhoto(database: Database, blobs: BlobStore, uploader: AccessClaims, photo: { bytes: Uint8Array; type: PhotoType }): Promise<{ photoId: string }> {
  const photoId = crypto.randomUUID();
  const blobKey = `evidence/${uploader.tenantId.replace(/[^A-Za-z0-9_-]/g, '_')}/${photoId}${EXTENSIONS[photo.type]}`;
  await tenantTransaction(database, { tenantId: uploader.tenantId, userId: uploader.userId }, async (tx) => {
    await tx.insert(evidencePhotos).values({ tenantId: uploader.tenantId, id: photoId, userId: uploader.userId, contentType: photo.type, size: photo.bytes.length, blobKey });
    await blobs.put(blobKey, photo.bytes, photo.type);
  });
  return { photoId };
}

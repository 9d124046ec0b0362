import { hasRole, secretaryOrgIds, type AccessClaims } from '@tongxin/auth';
import { tenantTransaction, type Database } from '@tongxin/db';
import type { BlobStore } from '@tongxin/storage';
import { eq } from 'drizzle-orm';
import { evidencePhotos } from '../schema.ts';

/**
 * An evidence photo for its uploader, or for the staff who may review the claim it is
 * attached to (the publisher's secretaries and department, possibly in another county
 * than the uploader's): the photos' policies decide, in a transaction carrying every scope
 * the caller holds. null when they may not see it, or it is gone.
 */
export async function readEvidencePhoto(database: Database, blobs: BlobStore, viewer: AccessClaims, photoId: string) {
  const scope = { tenantId: viewer.tenantId, userId: viewer.userId, orgIds: secretaryOrgIds(viewer.roles), tenantWide: hasRole(viewer.roles, 'department') };
  const [photo] = await tenantTransaction(database, scope, (tx) =>
    tx.select({ blobKey: evidencePhotos.blobKey, contentType: evidencePhotos.contentType }).from(evidencePhotos).where(eq(evidencePhotos.id, photoId)),
  );
  if (!photo) return null;
  const blob = await blobs.get(photo.blobKey);
  return blob ? { bytes: blob.bytes, contentType: photo.contentType } : null;
}

import type { Database } from '@tongxin/db';
import type { BlobStore } from '@tongxin/storage';
import { and, isNull, lt, sql } from 'drizzle-orm';
import { evidencePhotos } from '../schema.ts';

/** A photo no completion named within a day of its upload is not evidence of anything. */
export const UNATTACHED_PHOTO_TTL_MS = 24 * 60 * 60_000;
const BATCH = 500;

/**
 * The daily job's sweep (issue 13 G: photos never attached to a claim stayed forever): every
 * county's evidence photos still unattached a day after upload go, row and bytes. The rows
 * are deleted first, on the condition that they are still unattached, so a completion naming
 * one at that moment keeps it; then their blobs. A blob that fails to go is logged and left
 * (an orphan file, never a row pointing at nothing). System work: across tenants.
 */
export async function removeUnattachedPhotos(database: Database, blobs: BlobStore, now: Date): Promise<{ removed: number; blobsLeft: number }> {
  const before = new Date(now.getTime() - UNATTACHED_PHOTO_TTL_MS);
  let removed = 0;
  let blobsLeft = 0;
  for (;;) {
    const batch = await database.system
      .select({ tenantId: evidencePhotos.tenantId, id: evidencePhotos.id })
      .from(evidencePhotos)
      .where(and(isNull(evidencePhotos.claimId), lt(evidencePhotos.createdAt, before)))
      .limit(BATCH);
    if (batch.length === 0) break;
    const gone = await database.system
      .delete(evidencePhotos)
      .where(and(
        sql`(${evidencePhotos.tenantId}, ${evidencePhotos.id}) in (${sql.join(batch.map((p) => sql`(${p.tenantId}, ${p.id}::uuid)`), sql`, `)})`,
        isNull(evidencePhotos.claimId),
      ))
      .returning({ blobKey: evidencePhotos.blobKey });
    for (const { blobKey } of gone) {
      try {
        await blobs.delete(blobKey);
      } catch (error) {
        blobsLeft++;
        console.error(`evidence sweep: a blob stayed (${error instanceof Error ? error.name : 'Error'})`);
      }
    }
    removed += gone.length;
    if (batch.length < BATCH) break;
  }
  return { removed, blobsLeft };
}

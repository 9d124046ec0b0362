import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { countyState } from '../schema.ts';
import { listCountyInDirectory } from './sync-directory.ts';

/**
 * The county went live (identity's `tenant_live`, issue 12): from now on its flow
 * organizations are in the cross-county directory, those it has and those it creates. The
 * first time it went live is kept.
 */
export async function markCountyLive(tx: Tx, tenantId: string, now: Date): Promise<number> {
  await tx
    .insert(countyState)
    .values({ tenantId, liveAt: now, createdAt: now })
    .onConflictDoUpdate({ target: countyState.tenantId, set: { liveAt: sql`coalesce(${countyState.liveAt}, excluded.live_at)` } });
  return listCountyInDirectory(tx, tenantId);
}

import { tenantTransaction, type Database, type Tx } from '@tongxin/db';

/**
 * A tenant-wide transaction for aggregate-only reads. Only after the caller's right to the
 * comparison was checked (resolve-ranking-parent.ts, or the member's own branch in read-my-points.ts);
 * what runs in it returns org-level figures or a rank, never another member's row.
 */
export function aggregateReads<T>(database: Database, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return tenantTransaction(database, { tenantId, tenantWide: true }, work);
}

import { errorKind, roster } from '@tongxin/api-client';
import { chunkForUpload, type ImportRow } from '@tongxin/ledger/xlsx/fields';

/** A bad cell as either import answers it (the code is the import's own). */
export interface RowError {
  row: number;
  column: string;
  code: string;
  message: string;
}

export interface ImportTotals {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
}

export interface UploadHooks {
  onProgress: (done: number, total: number) => void;
  onRetry: (attempt: number) => void;
}

const RETRIES = 3;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends the parsed rows chunk by chunk (≤ 500 rows and under the 64 KB body limit each).
 * Re-sending a chunk is harmless (members are keyed by ID-card number: a repeat changes
 * nothing), so a chunk lost to the network or to a concurrent import (CONFLICT) is retried
 * a few times before the import stops with what landed so far.
 */
export function uploadRows(rows: readonly ImportRow[], defaultBranchId: string | undefined, hooks: UploadHooks) {
  return uploadChunks(chunkForUpload(rows), (chunk) => roster.excel.importRows.mutate({ rows: chunk, defaultBranchId }), hooks);
}

/**
 * Sends chunks one after the other with progress and retries: the members import and the
 * org-tree import (whose chunks are ordered parents first) both re-send a chunk harmlessly.
 */
export async function uploadChunks<R>(chunks: readonly R[][], send: (chunk: R[]) => Promise<ImportTotals>, hooks: UploadHooks) {
  const totals: ImportTotals = { created: 0, updated: 0, unchanged: 0, errors: [] };
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  let done = 0;
  hooks.onProgress(0, total);
  for (const chunk of chunks) {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await send(chunk);
        totals.created += result.created;
        totals.updated += result.updated;
        totals.unchanged += result.unchanged;
        totals.errors.push(...result.errors);
        break;
      } catch (error) {
        const kind = errorKind(error);
        if (attempt > RETRIES || (kind !== 'network' && kind !== 'CONFLICT' && kind !== 'server')) throw Object.assign(new ImportStopped(done, totals), { cause: error });
        hooks.onRetry(attempt);
        await wait(1000 * 2 ** (attempt - 1));
      }
    }
    done += chunk.length;
    hooks.onProgress(done, total);
  }
  return totals;
}

/** An import that stopped part-way: how far it got and what had landed. */
export class ImportStopped extends Error {
  constructor(readonly done: number, readonly totals: ImportTotals) {
    super(`import stopped after ${done} rows`);
  }
}

import type { Tx } from '@tongxin/db';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { completions, type CompletionDecision } from '../schema.ts';
import { evidenceUrl } from '../evidence/evidence-url.ts';

export interface CompletionView {
  id: string;
  version: number;
  note: string | null;
  amount: number | null;
  /** URLs of the photos (GET /api/tasks/evidence/:photoId). */
  photos: string[];
  submittedAt: string;
  decision: CompletionDecision | null;
  reason: string | null;
  response: string | null;
  decidedAt: string | null;
}

/** The latest submission of each claim (a rejected one is answered by a newer version). */
export async function latestCompletions(tx: Tx, tenantId: string, claimIds: string[]): Promise<Map<string, CompletionView>> {
  if (claimIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([completions.claimId])
    .from(completions)
    .where(and(eq(completions.tenantId, tenantId), inArray(completions.claimId, claimIds)))
    .orderBy(completions.claimId, desc(completions.version));
  return new Map(rows.map((row) => [row.claimId, toCompletionView(row)]));
}

export function toCompletionView(row: typeof completions.$inferSelect): CompletionView {
  return {
    id: row.id,
    version: row.version,
    note: row.note,
    amount: row.amount,
    photos: row.photoIds.map(evidenceUrl),
    submittedAt: row.submittedAt.toISOString(),
    decision: row.decision,
    reason: row.reason,
    response: row.response,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

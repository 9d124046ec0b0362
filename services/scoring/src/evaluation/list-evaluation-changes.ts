import type { Tx } from '@tongxin/db';
import { and, desc, eq } from 'drizzle-orm';
import { evaluationChanges } from '../schema.ts';

/** Every proposal and decision for one member's year the caller may see, newest first. */
export async function listEvaluationChanges(tx: Tx, year: number, memberId: string) {
  const rows = await tx
    .select()
    .from(evaluationChanges)
    .where(and(eq(evaluationChanges.year, year), eq(evaluationChanges.memberId, memberId)))
    .orderBy(desc(evaluationChanges.at));
  return rows.map((r) => ({
    id: r.id, action: r.action, proposedGrade: r.proposedGrade, finalGrade: r.finalGrade, basis: r.basis, reason: r.reason, by: r.byName ?? r.by, at: r.at,
  }));
}

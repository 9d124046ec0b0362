import type { Tx } from '@tongxin/db';
import { desc } from 'drizzle-orm';
import { ruleChanges } from '../schema.ts';

/** Every change to the tenant's rules and thresholds, newest first. */
export async function listRuleChanges(tx: Tx) {
  const rows = await tx.select().from(ruleChanges).orderBy(desc(ruleChanges.changedAt), desc(ruleChanges.id));
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    before: r.before,
    after: r.after,
    reason: r.reason,
    by: r.changedBy,
    byName: r.changedByName,
    at: r.changedAt,
  }));
}

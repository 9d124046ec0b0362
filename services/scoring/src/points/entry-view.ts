import type { Tx } from '@tongxin/db';
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { pointsLedger } from '../schema.ts';

export type LedgerRow = typeof pointsLedger.$inferSelect;

/** One ledger entry as members and staff see it: the source event's kind or the correction's author and reason. */
export function entryView(row: LedgerRow) {
  return {
    id: row.id,
    memberId: row.memberId,
    points: row.points,
    kind: row.kind,
    /** A correction's reason (never set on event entries). */
    reason: row.reason,
    /** What an event entry is about (schema/ledger.ts): task title, meeting kind or report period; null if the event did not say. */
    label: row.label,
    /** Why an event entry earned less than its rule: claim_withdrawn, already_withdrawn, repeat. */
    note: row.note,
    capped: row.capped,
    period: row.period,
    activityAt: row.activityAt,
    eventAt: row.eventAt,
    at: row.at,
    source: row.source,
    author: row.source === 'correction' ? (row.authorName ?? row.authorUserId) : null,
    authorUserId: row.authorUserId,
  };
}
export type EntryView = ReturnType<typeof entryView>;

/** A member's entries visible in this transaction, newest first, optionally within months. */
export async function memberEntries(tx: Tx, memberId: string, months?: { from: string; to: string }): Promise<EntryView[]> {
  const where: SQL[] = [eq(pointsLedger.memberId, memberId)];
  if (months) where.push(gte(pointsLedger.period, months.from), lte(pointsLedger.period, months.to));
  const rows = await tx.select().from(pointsLedger).where(and(...where)).orderBy(desc(pointsLedger.activityAt), desc(pointsLedger.at));
  return rows.map(entryView);
}

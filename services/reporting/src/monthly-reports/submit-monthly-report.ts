import { recordEvent, type Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { monthlyReports, outbox } from '../schema.ts';

/**
 * Submits (or, for the same month, replaces) the member's monthly report. Only the first
 * submission of a month is an event: a retried or corrected report must not count twice.
 */
export async function submitMonthlyReport(tx: Tx, tenantId: string, userId: string, input: { period: string; summary: string }) {
  const [row] = await tx
    .insert(monthlyReports)
    .values({ tenantId, userId, period: input.period, summary: input.summary })
    .onConflictDoUpdate({
      target: [monthlyReports.tenantId, monthlyReports.userId, monthlyReports.period],
      set: { summary: input.summary, submittedAt: sql`now()` },
    })
    // xmax is 0 on a freshly inserted row and set on one the upsert updated.
    .returning({ id: monthlyReports.id, period: monthlyReports.period, submittedAt: monthlyReports.submittedAt, inserted: sql<boolean>`(xmax = 0)` });
  const { inserted, ...report } = row!;
  if (inserted) await recordEvent(tx, outbox, tenantId, 'reporting.monthly_report_submitted', { userId, period: input.period });
  return report;
}

import { recordEvent, type Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { monthlyReports, outbox } from '../schema.ts';

/** Submits (or, for the same month, replaces) the member's monthly report; a retry changes nothing more. */
export async function submitMonthlyReport(tx: Tx, tenantId: string, userId: string, input: { period: string; summary: string }) {
  const [row] = await tx
    .insert(monthlyReports)
    .values({ tenantId, userId, period: input.period, summary: input.summary })
    .onConflictDoUpdate({
      target: [monthlyReports.tenantId, monthlyReports.userId, monthlyReports.period],
      set: { summary: input.summary, submittedAt: sql`now()` },
    })
    .returning({ id: monthlyReports.id, period: monthlyReports.period, submittedAt: monthlyReports.submittedAt });
  await recordEvent(tx, outbox, tenantId, 'reporting.monthly_report_submitted', { userId, period: input.period });
  return row!;
}

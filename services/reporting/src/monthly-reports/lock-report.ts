import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { monthlyReports } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

/** A report in the caller's scope, locked for the secretary's acknowledgement or reply. */
export async function lockReport(tx: Tx, tenantId: string, reportId: string) {
  // RLS shows a staff caller only reports of members in their subtree.
  const [report] = await tx
    .select({ id: monthlyReports.id, userId: monthlyReports.userId, memberId: monthlyReports.memberId, period: monthlyReports.period, acknowledgedAt: monthlyReports.acknowledgedAt })
    .from(monthlyReports)
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.id, reportId)))
    .for('update');
  if (!report) throw new DomainError('report_not_found', { message: 'No such report in your scope' });
  return report;
}

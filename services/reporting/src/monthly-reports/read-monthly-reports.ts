import type { Tx } from '@tongxin/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import { monthlyReports, monthlyReportVersions } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

const reportColumns = {
  id: monthlyReports.id,
  memberId: monthlyReports.memberId,
  period: monthlyReports.period,
  summary: monthlyReports.summary,
  ledgerChange: monthlyReports.ledgerChange,
  ledgerVersion: monthlyReports.ledgerVersion,
  study: monthlyReports.study,
  difficulties: monthlyReports.difficulties,
  helpWanted: monthlyReports.helpWanted,
  /** Versions are numbered from 1 without gaps, so this is also how many there are. */
  version: monthlyReports.version,
  comment: monthlyReports.comment,
  acknowledgedAt: monthlyReports.acknowledgedAt,
  submittedAt: monthlyReports.submittedAt,
  updatedAt: monthlyReports.updatedAt,
};

/** The member's own reports, newest month first, with the secretary's reply. */
export function listMyReports(tx: Tx, tenantId: string, userId: string) {
  return tx
    .select(reportColumns)
    .from(monthlyReports)
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.userId, userId)))
    .orderBy(desc(monthlyReports.period));
}

/** One report with every version, as far as RLS lets the caller see it. */
export async function getMonthlyReport(tx: Tx, tenantId: string, reportId: string) {
  const [report] = await tx
    .select(reportColumns)
    .from(monthlyReports)
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.id, reportId)));
  if (!report) throw new DomainError('report_not_found', { message: 'No such report in your scope' });
  const versions = await tx
    .select({ version: monthlyReportVersions.version, content: monthlyReportVersions.content, at: monthlyReportVersions.at })
    .from(monthlyReportVersions)
    .where(and(eq(monthlyReportVersions.tenantId, tenantId), eq(monthlyReportVersions.reportId, reportId)))
    .orderBy(asc(monthlyReportVersions.version));
  return { ...report, versions };
}

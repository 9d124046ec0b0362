import { recordEvent, type Tx } from '@tongxin/db';
import { badField } from '@tongxin/trpc';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { monthlyReports, monthlyReportVersions, outbox } from '../schema.ts';
import { findReportingMember } from './find-reporting-member.ts';
import { periodProblem } from './period.ts';
import { isUniqueViolation } from './unique-violation.ts';

export interface MonthlyReportContent {
  period: string;
  /** Work and life this month. */
  summary: string;
  /** 'unchanged' also confirms the ledger (roster's confirmLedgerFromReport). */
  ledgerChange: 'unchanged' | 'updated';
  /** The ledger version the member's update made, when 'updated'. */
  ledgerVersion?: number | undefined;
  study?: string | undefined;
  difficulties?: string | undefined;
  helpWanted?: boolean | undefined;
}

export const MONTHLY_REPORT_SUBMITTED = 'reporting.monthly_report_submitted';

/** `reporting.monthly_report_submitted`, once per report (its first submission); the outbox row id is the event id. */
export interface MonthlyReportSubmitted {
  reportId: string;
  memberId: string;
  userId: string;
  period: string;
  ledgerUnchanged: boolean;
}

/**
 * Submits the member's report for a month, or edits it (a new version) until the secretary
 * acknowledges it. A retry with the same idempotency key returns the first answer and writes
 * nothing; only the first submission of a month is an event, so a report counts once.
 */
export async function submitMonthlyReport(
  tx: Tx, tenantId: string, userId: string, input: MonthlyReportContent & { idempotencyKey: string }, now: Date,
): Promise<{ id: string; version: number }> {
  const problem = periodProblem(input.period, now);
  if (problem) throw badField('period', problem);
  const member = await findReportingMember(tx, tenantId, userId);
  const { idempotencyKey, ...content } = input;
  const fields = {
    summary: content.summary,
    ledgerChange: content.ledgerChange,
    ledgerVersion: content.ledgerVersion ?? null,
    study: content.study ?? null,
    difficulties: content.difficulties ?? null,
    helpWanted: content.helpWanted ?? false,
  };

  // Concurrent first submissions (a retry racing its original) queue on the unique
  // (user, period): the loser inserts nothing and continues as an edit, under the row lock.
  const [created] = await tx
    .insert(monthlyReports)
    .values({ tenantId, userId, memberId: member.memberId, period: input.period, ...fields, submittedAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: monthlyReports.id });
  if (created) {
    await insertVersion(tx, { tenantId, reportId: created.id, version: 1, content, idempotencyKey, at: now });
    const event: MonthlyReportSubmitted = {
      reportId: created.id, memberId: member.memberId, userId, period: input.period, ledgerUnchanged: input.ledgerChange === 'unchanged',
    };
    await recordEvent(tx, outbox, tenantId, MONTHLY_REPORT_SUBMITTED, event);
    return { id: created.id, version: 1 };
  }

  const [report] = await tx
    .select({ id: monthlyReports.id, version: monthlyReports.version, acknowledgedAt: monthlyReports.acknowledgedAt })
    .from(monthlyReports)
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.userId, userId), eq(monthlyReports.period, input.period)))
    .for('update');
  if (!report) throw new TRPCError({ code: 'CONFLICT', message: 'The report changed meanwhile: try again' });
  const replayed = await versionWithKey(tx, tenantId, idempotencyKey);
  if (replayed) {
    if (replayed.reportId !== report.id) throw keyUsedElsewhere();
    return { id: report.id, version: replayed.version };
  }
  if (report.acknowledgedAt) throw badField('period', 'already acknowledged: the report for this month can no longer change');

  const version = report.version + 1;
  await tx
    .update(monthlyReports)
    .set({ ...fields, version, updatedAt: now })
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.id, report.id)));
  await insertVersion(tx, { tenantId, reportId: report.id, version, content, idempotencyKey, at: now });
  return { id: report.id, version };
}

async function insertVersion(tx: Tx, row: typeof monthlyReportVersions.$inferInsert) {
  try {
    await tx.insert(monthlyReportVersions).values(row);
  } catch (error) {
    // The key was already used for another report (another month, or a report the caller cannot see).
    if (isUniqueViolation(error, 'monthly_report_versions_idempotency')) throw keyUsedElsewhere();
    throw error;
  }
}

async function versionWithKey(tx: Tx, tenantId: string, idempotencyKey: string) {
  const [row] = await tx
    .select({ reportId: monthlyReportVersions.reportId, version: monthlyReportVersions.version })
    .from(monthlyReportVersions)
    .where(and(eq(monthlyReportVersions.tenantId, tenantId), eq(monthlyReportVersions.idempotencyKey, idempotencyKey)));
  return row;
}

const keyUsedElsewhere = () => new TRPCError({ code: 'CONFLICT', message: 'This idempotency key was used for another report' });

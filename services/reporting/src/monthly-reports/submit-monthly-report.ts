import type { Tx } from '@tongxin/db';
import { parsePayload, TOPICS, type MonthlyReportSubmitted } from '@tongxin/events';
import { and, eq, sql } from 'drizzle-orm';
import { monthlyReports, monthlyReportVersions } from '../schema.ts';
import { findReportingMember } from './find-reporting-member.ts';
import { periodProblem } from './period.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { DomainError, badField } from '@tongxin/errors';

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

/** Once per report (its first submission); the outbox row id is the event id. */
export const MONTHLY_REPORT_SUBMITTED = TOPICS.reporting.monthlyReportSubmitted;

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
  const { idempotencyKey, ...content } = input;
  const fields = {
    summary: content.summary,
    ledgerChange: content.ledgerChange,
    ledgerVersion: content.ledgerVersion ?? null,
    study: content.study ?? null,
    difficulties: content.difficulties ?? null,
    helpWanted: content.helpWanted ?? false,
  };

  // The first submission of the month, the hottest write of all (brief: reports arrive in a
  // burst at the start of a month), takes two statements besides begin and commit: the
  // report with the caller's member id looked up in the same insert, then its version with
  // the event. Concurrent first submissions (a retry racing its original) queue on the
  // unique (user, period): the loser inserts nothing and continues below, under the row lock.
  const at = now.toISOString();
  const created = await tx.execute(sql`
    insert into reporting.monthly_reports (tenant_id, user_id, member_id, period, summary, ledger_change, ledger_version, study, difficulties, help_wanted, submitted_at, updated_at)
    select ${tenantId}, ${userId}, m.member_id, ${input.period}, ${fields.summary}, ${fields.ledgerChange}, ${fields.ledgerVersion}, ${fields.study},
           ${fields.difficulties}, ${fields.helpWanted}, ${at}::timestamptz, ${at}::timestamptz
    from reporting.members m where m.tenant_id = ${tenantId} and m.user_id = ${userId}
    on conflict do nothing
    returning id, member_id`);
  const first = created.rows[0] as { id: string; member_id: string } | undefined;
  if (first) {
    const event: MonthlyReportSubmitted = {
      reportId: first.id, memberId: first.member_id, userId, period: input.period, ledgerUnchanged: input.ledgerChange === 'unchanged',
    };
    await guardKey(tx.execute(sql`
      with version as (
        insert into reporting.monthly_report_versions (tenant_id, report_id, version, content, idempotency_key, at)
        values (${tenantId}, ${first.id}, 1, ${JSON.stringify(content)}::jsonb, ${idempotencyKey}, ${at}::timestamptz))
      insert into reporting.outbox (tenant_id, topic, payload) values (${tenantId}, ${MONTHLY_REPORT_SUBMITTED}, ${JSON.stringify(parsePayload(MONTHLY_REPORT_SUBMITTED, event))}::jsonb)`));
    return { id: first.id, version: 1 };
  }

  const [report] = await tx
    .select({ id: monthlyReports.id, version: monthlyReports.version, acknowledgedAt: monthlyReports.acknowledgedAt })
    .from(monthlyReports)
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.userId, userId), eq(monthlyReports.period, input.period)))
    .for('update');
  if (!report) {
    // Nothing inserted and no report: the caller is not on reporting's copy of the roster.
    await findReportingMember(tx, tenantId, userId);
    throw new DomainError('changed_meanwhile', { message: 'The report changed meanwhile: try again' });
  }
  const replayed = await versionWithKey(tx, tenantId, idempotencyKey);
  if (replayed) {
    if (replayed.reportId !== report.id) throw keyUsedElsewhere();
    return { id: report.id, version: replayed.version };
  }
  if (report.acknowledgedAt) throw badField('period', 'report_acknowledged');

  const version = report.version + 1;
  await tx
    .update(monthlyReports)
    .set({ ...fields, version, updatedAt: now })
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.id, report.id)));
  await guardKey(tx.insert(monthlyReportVersions).values({ tenantId, reportId: report.id, version, content, idempotencyKey, at: now }));
  return { id: report.id, version };
}

async function guardKey<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
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

const keyUsedElsewhere = () => new DomainError('idempotency_key_reused', { message: 'This idempotency key was used for another report' });

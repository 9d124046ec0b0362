import type { Tx } from '@tongxin/db';
import { TOPICS } from '@tongxin/events';
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
 * The first submission of a month, the hottest write of all (brief: reports arrive in a burst
 * at the start of a month), as two statements issued together, so they can go as a tenant
 * unit: scope and both statements in one round trip, all or nothing (issue 16). The first
 * inserts the report, the caller's member id looked up in the same insert; the second, which
 * sees it, writes version 1 and the event, built from the row (its contract is checked by
 * event-contracts.test.ts), for the report of this submission (its time) that has no version yet: one
 * only the first statement can have made, since a report gets its version in its own
 * transaction. (One statement cannot do it: the versions' policy would not see the report
 * inserted in the same statement.) Nothing is written and `null` comes back when the month has
 * a report already (an edit, a retry, a retry racing its original: the loser waits on the
 * unique (user, period) and inserts nothing) or the caller is not on reporting's copy of the
 * roster: `submitMonthlyReport` handles those.
 */
export async function submitFirstReport(
  tx: Tx, tenantId: string, userId: string, input: MonthlyReportContent & { idempotencyKey: string }, now: Date,
): Promise<{ id: string; version: number } | null> {
  const problem = periodProblem(input.period, now);
  if (problem) throw badField('period', problem);
  const { idempotencyKey, ...content } = input;
  const f = reportFields(content);
  const at = now.toISOString();
  const [, created] = await guardKey(
    Promise.all([
      tx.execute(sql`
        insert into reporting.monthly_reports (tenant_id, user_id, member_id, period, summary, ledger_change, ledger_version, study, difficulties, help_wanted, submitted_at, updated_at)
        select ${tenantId}, ${userId}, m.member_id, ${input.period}, ${f.summary}, ${f.ledgerChange}, ${f.ledgerVersion}, ${f.study},
               ${f.difficulties}, ${f.helpWanted}, ${at}::timestamptz, ${at}::timestamptz
        from reporting.members m where m.tenant_id = ${tenantId} and m.user_id = ${userId}
        on conflict do nothing`),
      tx.execute(sql`
        with report as (
          select r.id, r.member_id from reporting.monthly_reports r
          where r.tenant_id = ${tenantId} and r.user_id = ${userId} and r.period = ${input.period} and r.submitted_at = ${at}::timestamptz
            and not exists (select 1 from reporting.monthly_report_versions v where v.tenant_id = r.tenant_id and v.report_id = r.id)),
        version as (
          insert into reporting.monthly_report_versions (tenant_id, report_id, version, content, idempotency_key, at)
          select ${tenantId}, report.id, 1, ${JSON.stringify(content)}::jsonb, ${idempotencyKey}, ${at}::timestamptz from report),
        event as (
          insert into reporting.outbox (tenant_id, topic, payload)
          select ${tenantId}, ${MONTHLY_REPORT_SUBMITTED}, jsonb_build_object('reportId', report.id, 'memberId', report.member_id,
                 'userId', ${userId}::text, 'period', ${input.period}::text, 'ledgerUnchanged', ${input.ledgerChange === 'unchanged'}::boolean)
          from report)
        select id from report`),
    ]),
  );
  const first = created.rows[0] as { id: string } | undefined;
  return first ? { id: first.id, version: 1 } : null;
}

function reportFields(content: MonthlyReportContent) {
  return {
    summary: content.summary,
    ledgerChange: content.ledgerChange,
    ledgerVersion: content.ledgerVersion ?? null,
    study: content.study ?? null,
    difficulties: content.difficulties ?? null,
    helpWanted: content.helpWanted ?? false,
  };
}

/**
 * Submits the member's report for a month, or edits it (a new version) until the secretary
 * acknowledges it. A retry with the same idempotency key returns the first answer and writes
 * nothing; only the first submission of a month is an event, so a report counts once.
 */
export async function submitMonthlyReport(
  tx: Tx, tenantId: string, userId: string, input: MonthlyReportContent & { idempotencyKey: string }, now: Date,
): Promise<{ id: string; version: number }> {
  const first = await submitFirstReport(tx, tenantId, userId, input, now);
  if (first) return first;
  const { idempotencyKey, ...content } = input;

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
    .set({ ...reportFields(content), version, updatedAt: now })
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

import { currentUser, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { reporting, memberVisible } from './scope.ts';

/** A member's monthly report to the home branch (brief, 报告); one per member and month. */
export const monthlyReports = reporting
  .table(
    'monthly_reports',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      /** identity's user id of the reporting member. */
      userId: text('user_id').notNull(),
      /** roster's member id (null only for reports written before the members projection). */
      memberId: uuid('member_id'),
      /** `YYYY-MM`. */
      period: text('period').notNull(),
      /** Work and life this month. */
      summary: text('summary').notNull(),
      /** 'unchanged' (also confirms the ledger) or 'updated' (the ledger version it links to). */
      ledgerChange: text('ledger_change').$type<'unchanged' | 'updated'>(),
      ledgerVersion: integer('ledger_version'),
      study: text('study'),
      difficulties: text('difficulties'),
      helpWanted: boolean('help_wanted').notNull().default(false),
      version: integer('version').notNull().default(1),
      acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
      acknowledgedBy: text('acknowledged_by'),
      /** The secretary's reply, which the member sees. */
      comment: text('comment'),
      submittedAt: timestamp('submitted_at', { withTimezone: true }).defaultNow().notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      // A resubmission for the month replaces the report instead of duplicating it.
      uniqueIndex('monthly_reports_member_period').on(t.tenantId, t.userId, t.period),
      index('monthly_reports_period').on(t.tenantId, t.period),
      tenantPolicy('restrictive'),
      // The member themself, a secretary whose scope shows the member, and the department.
      pgPolicy('own_or_in_scope', {
        as: 'permissive',
        for: 'all',
        using: sql`${tenantWide} or ${t.userId} = ${currentUser} or (${t.memberId} is not null and ${memberVisible(t.tenantId, t.memberId)})`,
      }),
    ],
  )
  .enableRLS();

/** Every submitted version of a report (editable until acknowledged). */
export const monthlyReportVersions = reporting
  .table(
    'monthly_report_versions',
    {
      tenantId: text('tenant_id').notNull(),
      reportId: uuid('report_id').notNull(),
      version: integer('version').notNull(),
      content: jsonb('content').notNull(),
      idempotencyKey: text('idempotency_key'),
      at: timestamp('at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.reportId, t.version] }),
      foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [monthlyReports.tenantId, monthlyReports.id] }),
      uniqueIndex('monthly_report_versions_idempotency').on(t.tenantId, t.idempotencyKey),
      tenantPolicy('restrictive'),
      pgPolicy('report_visible', {
        as: 'permissive',
        for: 'all',
        using: sql`exists (select 1 from reporting.monthly_reports r where r.tenant_id = ${t.tenantId} and r.id = ${t.reportId})`,
      }),
    ],
  )
  .enableRLS();

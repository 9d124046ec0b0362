import { currentUser, outboxTable, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { pgPolicy, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const reporting = pgSchema('reporting');

/** A member's monthly report to the home branch (brief, 报告); one per member and month. */
export const monthlyReports = reporting
  .table(
    'monthly_reports',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      /** identity's user id of the reporting member. */
      userId: text('user_id').notNull(),
      /** `YYYY-MM`. */
      period: text('period').notNull(),
      summary: text('summary').notNull(),
      submittedAt: timestamp('submitted_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      // A resubmission for the month replaces the report instead of duplicating it.
      uniqueIndex('monthly_reports_member_period').on(t.tenantId, t.userId, t.period),
      tenantPolicy('restrictive'),
      pgPolicy('own_or_department', { as: 'permissive', for: 'all', using: sql`${tenantWide} or ${t.userId} = ${currentUser}` }),
    ],
  )
  .enableRLS();

export const outbox = outboxTable(reporting);

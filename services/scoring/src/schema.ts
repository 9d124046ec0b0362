import { currentUser, processedEventsTable, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { index, integer, pgPolicy, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const scoring = pgSchema('scoring');

/** Members as scoring learns them from roster's events (no reads of roster's tables). */
export const scoredMembers = scoring
  .table(
    'members',
    {
      tenantId: text('tenant_id').notNull(),
      memberId: uuid('member_id').notNull(),
      userId: text('user_id'),
      name: text('name').notNull(),
      joinedAt: timestamp('joined_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.memberId] }), tenantPolicy()],
  )
  .enableRLS();

/** Points (积分) are an append-only ledger; a balance is a sum (house style §4). */
export const pointsLedger = scoring
  .table(
    'points_ledger',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      userId: text('user_id'),
      points: integer('points').notNull(),
      reason: text('reason').notNull(),
      sourceEventId: uuid('source_event_id'),
      at: timestamp('at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      index('points_ledger_member').on(t.tenantId, t.memberId),
      tenantPolicy('restrictive'),
      // No public leaderboards (brief, burden rules): a member sees their own points.
      pgPolicy('own_or_department', { as: 'permissive', for: 'all', using: sql`${tenantWide} or ${t.userId} = ${currentUser}` }),
    ],
  )
  .enableRLS();

export const processedEvents = processedEventsTable(scoring);

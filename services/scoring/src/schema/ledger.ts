import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { memberRowPolicies, scoring } from './scope.ts';

export type EntrySource = 'event' | 'correction';
/** Why an event entry earned less than its rule, besides a cap (a cancelled meeting's give-back and later attendance too). */
export type EntryNote = 'claim_withdrawn' | 'already_withdrawn' | 'meeting_cancelled' | 'already_cancelled' | 'repeat';

/**
 * Points (积分): an append-only ledger, a balance is a sum (house style §4). Every entry has
 * its source event or its author and reason; a trigger refuses UPDATE, DELETE and TRUNCATE,
 * so a correction is a compensating entry (schema/refuse-change.sql).
 */
export const pointsLedger = scoring
  .table(
    'points_ledger',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      userId: text('user_id'),
      /** An activity kind (rules/activity-rules.ts) or `correction`. */
      kind: text('kind').notNull(),
      points: integer('points').notNull(),
      /** A correction's reason; null for event entries (the UI names the kind). */
      reason: text('reason'),
      source: text('source').$type<EntrySource>().notNull(),
      sourceEventId: uuid('source_event_id'),
      topic: text('topic'),
      /** The activity the event is about (report period, check-in, meeting, suggestion, claim). */
      subject: text('subject'),
      /**
       * What the entry is about, from the event, for people to read: a task entry's task
       * title, a meeting entry's meeting kind (reporting's code), a monthly report's period
       * (YYYY-MM). Null for corrections and for events that did not carry it (older ones).
       */
      label: text('label'),
      /** China calendar month (YYYY-MM) of the activity's own time: caps and rankings count by it. */
      period: text('period').notNull(),
      activityAt: timestamp('activity_at', { withTimezone: true }).notNull(),
      /** The event's createdAt: `at - event_at` is the event lag from commit to points visible. */
      eventAt: timestamp('event_at', { withTimezone: true }),
      /** Recorded although a monthly cap cut it (to 0 perhaps), so evaluation still counts the activity. */
      capped: boolean('capped').notNull().default(false),
      note: text('note').$type<EntryNote>(),
      authorUserId: text('author_user_id'),
      authorName: text('author_name'),
      idempotencyKey: text('idempotency_key'),
      at: timestamp('at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      index('points_ledger_member').on(t.tenantId, t.memberId),
      index('points_ledger_period').on(t.tenantId, t.period, t.memberId),
      uniqueIndex('points_ledger_event').on(t.tenantId, t.sourceEventId, t.memberId),
      uniqueIndex('points_ledger_idempotency').on(t.tenantId, t.idempotencyKey),
      check('points_ledger_source', sql`(${t.source} = 'event' and ${t.sourceEventId} is not null)
        or (${t.source} = 'correction' and ${t.authorUserId} is not null and length(trim(${t.reason})) > 0)`),
      check('points_ledger_period_format', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

import { currentUser, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { reporting, memberVisible } from './scope.ts';

/** The in-app inbox: one row per message to one user. */
export const notifications = reporting
  .table(
    'notifications',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      userId: text('user_id').notNull(),
      /** reminder, acknowledgement, checkin_decision, reply, contact_task, … */
      kind: text('kind').notNull(),
      /** What it says, as a notice code and its parameters (`@tongxin/i18n/notices`), rendered in the reader's language. */
      notice: text('notice'),
      params: jsonb('params'),
      /** Only messages written before notices were codes have a stored (Chinese) title. */
      title: text('title'),
      /** The words a person wrote (a reason, a comment, an answer), shown as written. */
      body: text('body'),
      /** What it is about, for a link in the UI: { type, id }. */
      subject: jsonb('subject').$type<{ type: string; id: string }>(),
      /** One message per cause: the escalation job and retried writes never send twice. */
      dedupeKey: text('dedupe_key'),
      /** Official notices cannot be turned off by the member (brief, burden rules). */
      official: boolean('official').notNull().default(false),
      readAt: timestamp('read_at', { withTimezone: true }),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      index('notifications_user').on(t.tenantId, t.userId, t.createdAt),
      uniqueIndex('notifications_dedupe').on(t.tenantId, t.dedupeKey),
      // Every message says something: a notice with its parameters, or an old stored title.
      check('notifications_says_something', sql`(${t.notice} is not null and ${t.params} is not null) or ${t.title} is not null`),
      tenantPolicy('restrictive'),
      // Anyone in the tenant may notify a user (a secretary's reply); only the user reads theirs.
      pgPolicy('notification_read', { as: 'permissive', for: 'select', using: sql`${t.userId} = ${currentUser} or ${tenantWide}` }),
      pgPolicy('notification_write', { as: 'permissive', for: 'insert', withCheck: sql`true` }),
      pgPolicy('notification_mark', { as: 'permissive', for: 'update', using: sql`${t.userId} = ${currentUser}` }),
    ],
  )
  .enableRLS();

/**
 * A user's choice about reminders (issue 17: the member controls them): with `reminders` off,
 * no non-official reminder is written for them (the escalation ladder's report reminder);
 * official notices and the ladder's official steps (the secretaries' contact task, the 失联
 * proposal) stay. No row: reminders on. Only the user reads and writes their own.
 */
export const reminderSettings = reporting
  .table(
    'reminder_settings',
    {
      tenantId: text('tenant_id').notNull(),
      userId: text('user_id').notNull(),
      reminders: boolean('reminders').notNull().default(true),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.userId] }),
      tenantPolicy('restrictive'),
      pgPolicy('reminder_settings_own', { as: 'permissive', for: 'all', using: sql`${t.userId} = ${currentUser}`, withCheck: sql`${t.userId} = ${currentUser}` }),
      // The escalation job (tenant-wide system work) reads whose reminders are off.
      pgPolicy('reminder_settings_job', { as: 'permissive', for: 'select', using: tenantWide }),
    ],
  )
  .enableRLS();

/** Per-tenant reporting rules (the escalation ladder); absent = the defaults in code. */
export const settings = reporting
  .table(
    'settings',
    {
      tenantId: text('tenant_id').notNull(),
      /** No report by this day of the month → an in-app reminder to the member. */
      reminderDay: integer('reminder_day').notNull(),
      /** By this day → a contact task for the secretary. */
      contactTaskDay: integer('contact_task_day').notNull(),
      /** This many consecutive months missed and contact failed → proposed as lost contact. */
      lostContactMonths: integer('lost_contact_months').notNull(),
      updatedBy: text('updated_by'),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId] }), tenantPolicy()],
  )
  .enableRLS();

/** A secretary's task to contact a member who has not reported (the ladder's second step). */
export const contactTasks = reporting
  .table(
    'contact_tasks',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      period: text('period').notNull(),
      status: text('status').$type<'open' | 'done'>().notNull().default('open'),
      channel: text('channel'),
      result: text('result').$type<'reached' | 'no_answer' | 'unreachable' | 'refused' | 'other'>(),
      note: text('note'),
      attemptedOn: date('attempted_on'),
      doneBy: text('done_by'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      uniqueIndex('contact_tasks_member_period').on(t.tenantId, t.memberId, t.period),
      tenantPolicy('restrictive'),
      pgPolicy('contact_task_scope', { as: 'permissive', for: 'all', using: memberVisible(t.tenantId, t.memberId) }),
    ],
  )
  .enableRLS();

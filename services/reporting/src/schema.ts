import { currentOrgIds, currentTenant, currentUser, outboxTable, processedEventsTable, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import {
  boolean, date, foreignKey, index, integer, jsonb, pgPolicy, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

export const reporting = pgSchema('reporting');

/** True when the row's org path passes through one of the caller's orgs (paths hold every ancestor id). */
const pathInScope = (path: unknown) =>
  sql`exists (select 1 from unnest(${currentOrgIds}) scope(id) where position('/' || scope.id || '/' in ${path}) > 0)`;

/**
 * Roster's members as reporting needs them (who should report, in which branch), kept from
 * roster's events: no service reads another's tables.
 */
export const members = reporting
  .table(
    'members',
    {
      tenantId: text('tenant_id').notNull(),
      memberId: uuid('member_id').notNull(),
      userId: text('user_id'),
      name: text('name').notNull(),
      branchId: uuid('branch_id').notNull(),
      orgPath: text('org_path').notNull(),
      /** resident / mobile / lost_contact / transferred_out, as in roster. */
      status: text('status').notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.memberId] }),
      uniqueIndex('members_user').on(t.tenantId, t.userId),
      index('members_org_path').using('btree', t.tenantId, sql`${t.orgPath} text_pattern_ops`),
      tenantPolicy('restrictive'),
      pgPolicy('member_scope', { as: 'permissive', for: 'all', using: sql`${tenantWide} or ${t.userId} = ${currentUser} or ${pathInScope(t.orgPath)}` }),
    ],
  )
  .enableRLS();

/** Rows about one member are visible exactly when the member is (members' policies apply). */
const memberVisible = (tenantId: unknown, memberId: unknown) =>
  sql`exists (select 1 from reporting.members m where m.tenant_id = ${tenantId} and m.member_id = ${memberId})`;

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
      pgPolicy('own_or_department', {
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

export type CheckinStatus = 'pending' | 'accepted' | 'refused' | 'returned' | 'ended' | 'withdrawn';

/**
 * 报到: a member checks in with a destination organization, often in another county. Both
 * counties read it: the member's (tenant_id) and the destination's (dest_tenant_id), each
 * within its own scope. Accepting grants the destination read access to named ledger
 * fields (roster.ledger_grants, written from this table's events); ending revokes it.
 */
export const checkins = reporting
  .table(
    'checkins',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      userId: text('user_id').notNull(),
      /**
       * The name the member shows the destination with the request, so its secretary can
       * verify who is asking (brief: a destination declines only if identity cannot be
       * verified). Nothing else of the member crosses before a grant.
       */
      memberName: text('member_name'),
      /** The member's branch path at check-in, for the home secretaries' scope. */
      orgPath: text('org_path').notNull(),
      destTenantId: text('dest_tenant_id').notNull(),
      destOrgId: uuid('dest_org_id').notNull(),
      destOrgPath: text('dest_org_path').notNull(),
      destOrgName: text('dest_org_name').notNull(),
      note: text('note'),
      status: text('status').$type<CheckinStatus>().notNull().default('pending'),
      /** Refusal or return reason, which the member sees. */
      reason: text('reason'),
      /** Ledger fields the destination may read once accepted. */
      grantFields: text('grant_fields').array().notNull(),
      decidedBy: text('decided_by'),
      decidedAt: timestamp('decided_at', { withTimezone: true }),
      endedBy: text('ended_by'),
      endedAt: timestamp('ended_at', { withTimezone: true }),
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      // At most one destination at a time (pending, returned for more information, or accepted).
      uniqueIndex('checkins_open').on(t.tenantId, t.memberId).where(sql`status in ('pending', 'returned', 'accepted')`),
      uniqueIndex('checkins_idempotency').on(t.tenantId, t.idempotencyKey),
      index('checkins_dest').on(t.destTenantId, t.destOrgId, t.status),
      pgPolicy('checkin_tenants', {
        as: 'restrictive',
        for: 'all',
        using: sql`tenant_id = ${currentTenant} or dest_tenant_id = ${currentTenant}`,
        withCheck: sql`tenant_id = ${currentTenant} or dest_tenant_id = ${currentTenant}`,
      }),
      pgPolicy('checkin_scope', {
        as: 'permissive',
        for: 'all',
        using: sql`(tenant_id = ${currentTenant} and (${tenantWide} or ${t.userId} = ${currentUser} or ${pathInScope(t.orgPath)}))
          or (dest_tenant_id = ${currentTenant} and (${tenantWide} or ${pathInScope(t.destOrgPath)}))`,
      }),
    ],
  )
  .enableRLS();

export const meetingKind = reporting.enum('meeting_kind', [
  'members_meeting', 'branch_committee', 'party_group', 'party_lecture', 'themed_party_day', 'organizational_life', 'democratic_appraisal',
]);

/** 组织生活: a meeting a secretary schedules for an org. */
export const meetings = reporting
  .table(
    'meetings',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      orgId: uuid('org_id').notNull(),
      orgPath: text('org_path').notNull(),
      kind: meetingKind('kind').notNull(),
      title: text('title').notNull(),
      agenda: text('agenda'),
      mode: text('mode').$type<'in_person' | 'online' | 'both'>().notNull(),
      location: text('location'),
      onlineLink: text('online_link'),
      startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
      endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
      /** A meeting report submitted by then counts as attended (视同参会). */
      reportDeadline: timestamp('report_deadline', { withTimezone: true }).notNull(),
      cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
      createdBy: text('created_by').notNull(),
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      index('meetings_org').on(t.tenantId, t.orgId, t.startsAt),
      uniqueIndex('meetings_idempotency').on(t.tenantId, t.idempotencyKey),
      tenantPolicy('restrictive'),
      // Secretaries of the org's ancestors manage it; members read meetings of their own branch's path.
      pgPolicy('meeting_scope', {
        as: 'permissive',
        for: 'all',
        using: sql`${tenantWide} or ${pathInScope(t.orgPath)} or exists (
          select 1 from reporting.members m where m.tenant_id = ${t.tenantId} and m.user_id = ${currentUser}
            and position(${t.orgPath} in m.org_path) = 1)`,
      }),
      // Read only: a secretary also sees meetings of the orgs above their members (a township's
      // themed party day): the members attend them and the yearly in-person rule counts them.
      // Permissive policies are OR-ed per command, so managing stays with meeting_scope.
      pgPolicy('meeting_ancestor_read', {
        as: 'permissive',
        for: 'select',
        using: sql`exists (select 1 from reporting.members m where m.tenant_id = ${t.tenantId} and ${pathInScope(sql`m.org_path`)}
            and position(${t.orgPath} in m.org_path) = 1)`,
      }),
    ],
  )
  .enableRLS();

export type AttendanceKind = 'in_person' | 'online' | 'reported' | 'excused' | 'absent';

/** One member's response and attendance at one meeting. 'reported' is 视同参会. */
export const attendance = reporting
  .table(
    'attendance',
    {
      tenantId: text('tenant_id').notNull(),
      meetingId: uuid('meeting_id').notNull(),
      memberId: uuid('member_id').notNull(),
      /** The member's answer before the meeting. */
      response: text('response').$type<'in_person' | 'online' | 'cannot_attend'>(),
      attendance: text('attendance').$type<AttendanceKind>(),
      /** 视同参会: what the member reports instead of attending. */
      meetingReport: text('meeting_report'),
      reportedAt: timestamp('reported_at', { withTimezone: true }),
      recordedBy: text('recorded_by'),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.meetingId, t.memberId] }),
      foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
      index('attendance_member').on(t.tenantId, t.memberId),
      tenantPolicy('restrictive'),
      pgPolicy('attendance_scope', { as: 'permissive', for: 'all', using: memberVisible(t.tenantId, t.memberId) }),
    ],
  )
  .enableRLS();

export type SuggestionStatus = 'received' | 'adopted' | 'in_progress' | 'done' | 'declined';

/** 建言献策: a member's suggestion to the home branch or township. */
export const suggestions = reporting
  .table(
    'suggestions',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      userId: text('user_id').notNull(),
      /** The branch or township it is addressed to. */
      toOrgId: uuid('to_org_id').notNull(),
      toOrgPath: text('to_org_path').notNull(),
      category: text('category').$type<'industry' | 'village_affairs' | 'public_welfare' | 'other'>().notNull(),
      title: text('title').notNull(),
      body: text('body').notNull(),
      status: text('status').$type<SuggestionStatus>().notNull().default('received'),
      /** [{ status, by, at, answer }]: every step the member sees. */
      steps: jsonb('steps').$type<{ status: SuggestionStatus; by: string; at: string; answer?: string }[]>().notNull().default([]),
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      uniqueIndex('suggestions_idempotency').on(t.tenantId, t.idempotencyKey),
      tenantPolicy('restrictive'),
      pgPolicy('suggestion_scope', {
        as: 'permissive',
        for: 'all',
        using: sql`${tenantWide} or ${t.userId} = ${currentUser} or ${pathInScope(t.toOrgPath)}`,
      }),
    ],
  )
  .enableRLS();

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
      title: text('title').notNull(),
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
      tenantPolicy('restrictive'),
      // Anyone in the tenant may notify a user (a secretary's reply); only the user reads theirs.
      pgPolicy('notification_read', { as: 'permissive', for: 'select', using: sql`${t.userId} = ${currentUser} or ${tenantWide}` }),
      pgPolicy('notification_write', { as: 'permissive', for: 'insert', withCheck: sql`true` }),
      pgPolicy('notification_mark', { as: 'permissive', for: 'update', using: sql`${t.userId} = ${currentUser}` }),
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

/**
 * Organizations roster has closed, in every county (from `roster.org_closed`): a check-in to
 * one is refused at once. Ids only, no people; every county reads it, each writes its own.
 */
export const closedOrgs = reporting
  .table(
    'closed_orgs',
    {
      tenantId: text('tenant_id').notNull(),
      orgId: uuid('org_id').notNull(),
      closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.orgId] }),
      pgPolicy('closed_orgs_read', { as: 'permissive', for: 'select', using: sql`${currentTenant} is not null` }),
      pgPolicy('closed_orgs_write', { as: 'permissive', for: 'insert', withCheck: sql`tenant_id = ${currentTenant}` }),
    ],
  )
  .enableRLS();

export const outbox = outboxTable(reporting);
/** Events reporting consumes (roster's member changes). */
export const processedEvents = processedEventsTable(reporting);

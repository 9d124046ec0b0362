import { currentUser, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { foreignKey, index, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { reporting, memberVisible } from './scope.ts';

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
      // The rollups read a county's meetings of one month (meetingsHeld, 红黄绿).
      index('meetings_starts').on(t.tenantId, t.startsAt),
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

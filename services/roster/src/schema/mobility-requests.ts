import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roster, memberRowPolicies } from './scope.ts';
import { awayReason, members } from './members.ts';

export const MOBILITY_REQUEST_KINDS = ['outflow', 'return'] as const;
export const MOBILITY_REQUEST_STATUSES = ['pending', 'confirmed', 'refused', 'withdrawn'] as const;
export const mobilityRequestKind = roster.enum('mobility_request_kind', MOBILITY_REQUEST_KINDS);
export const mobilityRequestStatus = roster.enum('mobility_request_status', MOBILITY_REQUEST_STATUSES);

/**
 * 外出登记 and 返乡登记 as the member files them (issue 17): a request, pending until the home
 * branch's secretary (or the level above) confirms it, which runs the registration itself
 * (`roster.outflows` stays "registered"), or refuses it with a reason the member reads. One
 * pending request of each kind per member (`mobility_requests_pending`).
 */
export const mobilityRequests = roster
  .table(
    'mobility_requests',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      kind: mobilityRequestKind('kind').notNull(),
      status: mobilityRequestStatus('status').notNull().default('pending'),
      // 外出登记: what `registerOutflow` takes, and how to reach the member while away.
      leftOn: date('left_on'),
      destinationProvince: text('destination_province'),
      destinationCity: text('destination_city'),
      reasonCode: awayReason('reason_code'),
      reason: text('reason'),
      expectedMonths: integer('expected_months'),
      contactPhone: text('contact_phone'),
      // 返乡登记: the date back and the report on the time away (the certificate's, when one stands).
      returnedOn: date('returned_on'),
      reportActivities: text('report_activities'),
      reportJoinedOrg: text('report_joined_org'),
      reportMeetings: integer('report_meetings'),
      filedBy: text('filed_by').notNull(),
      filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
      idempotencyKey: text('idempotency_key').notNull(),
      decidedBy: text('decided_by'),
      decidedAt: timestamp('decided_at', { withTimezone: true }),
      /** The secretary's words when refusing: the member reads them. */
      refusalReason: text('refusal_reason'),
      /** The time away the confirmation registered or closed. */
      outflowId: uuid('outflow_id'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      uniqueIndex('mobility_requests_pending').on(t.tenantId, t.memberId, t.kind).where(sql`status = 'pending'`),
      uniqueIndex('mobility_requests_idempotency').on(t.tenantId, t.idempotencyKey),
      index('mobility_requests_status').on(t.tenantId, t.status, t.filedAt),
      check('mobility_requests_outflow_fields', sql`kind <> 'outflow' or (left_on is not null and destination_city is not null)`),
      check('mobility_requests_return_fields', sql`kind <> 'return' or returned_on is not null`),
      check('mobility_requests_refusal', sql`status <> 'refused' or refusal_reason is not null`),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

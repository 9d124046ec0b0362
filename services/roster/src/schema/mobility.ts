import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roster, memberRowPolicies } from './scope.ts';
import { awayReason, members } from './members.ts';

/** 外出登记 and 返乡: one row per time away. */
export const outflows = roster
  .table(
    'outflows',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      leftOn: date('left_on').notNull(),
      destinationProvince: text('destination_province'),
      destinationCity: text('destination_city').notNull(),
      /** 外出原因, coded (null for an outflow registered before the codes, or without one). */
      reasonCode: awayReason('reason_code'),
      /** The words given with it (a note). */
      reason: text('reason'),
      expectedMonths: integer('expected_months'),
      returnedOn: date('returned_on'),
      returnNote: text('return_note'),
      recordedBy: text('recorded_by'),
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      // At most one open time away per member.
      uniqueIndex('outflows_open').on(t.tenantId, t.memberId).where(sql`returned_on is null`),
      uniqueIndex('outflows_idempotency').on(t.tenantId, t.idempotencyKey),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

/** The 6-month rule: a daily job proposes moving a long-away member to the village's mobile-member branch. */
export const placementProposals = roster
  .table(
    'placement_proposals',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      fromBranchId: uuid('from_branch_id').notNull(),
      /** Null when the village has no mobile-member branch: the proposal says so. */
      toBranchId: uuid('to_branch_id'),
      awaySince: date('away_since').notNull(),
      status: text('status').$type<'pending' | 'confirmed' | 'dismissed'>().notNull().default('pending'),
      proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
      decidedAt: timestamp('decided_at', { withTimezone: true }),
      decidedBy: text('decided_by'),
      note: text('note'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      uniqueIndex('placement_pending').on(t.tenantId, t.memberId).where(sql`status = 'pending'`),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

/**
 * 失联 proposed by reporting's escalation ladder (K months without a monthly report and a
 * failed contact): the secretary confirms, with the register's reason code, or dismisses.
 */
export const lostContactProposals = roster
  .table(
    'lost_contact_proposals',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      /** Where the proposal came from: 'monthly_reports' (the escalation ladder). */
      source: text('source').notNull(),
      /** The months (`YYYY-MM`) without a report. */
      periods: text('periods').array().notNull(),
      proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
      status: text('status').$type<'pending' | 'confirmed' | 'dismissed'>().notNull().default('pending'),
      decidedAt: timestamp('decided_at', { withTimezone: true }),
      decidedBy: text('decided_by'),
      /** The register's reason code (1–7), when confirmed. */
      reason: integer('reason'),
      note: text('note'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      uniqueIndex('lost_contact_pending').on(t.tenantId, t.memberId).where(sql`status = 'pending'`),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

/** A secretary's attempt to reach a member (for 失联). */
export const contactAttempts = roster
  .table(
    'contact_attempts',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      attemptedOn: date('attempted_on').notNull(),
      channel: text('channel').$type<'phone' | 'wechat' | 'sms' | 'visit' | 'letter' | 'other'>().notNull(),
      result: text('result').$type<'reached' | 'no_answer' | 'unreachable' | 'refused' | 'other'>().notNull(),
      note: text('note'),
      recordedBy: text('recorded_by').notNull(),
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      index('contact_attempts_member').on(t.tenantId, t.memberId, t.attemptedOn),
      uniqueIndex('contact_attempts_idempotency').on(t.tenantId, t.idempotencyKey),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

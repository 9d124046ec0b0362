import { currentTenant, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { DUES_BANDS, DUES_PLACES, DUES_SCHEDULES } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { certificates } from './certificates.ts';
import { members } from './members.ts';
import { memberRowPolicies, roster } from './scope.ts';

export const duesBand = roster.enum('dues_band', DUES_BANDS);
export const duesSchedule = roster.enum('dues_schedule', DUES_SCHEDULES);
export const duesPlace = roster.enum('dues_place', DUES_PLACES);

/**
 * A destination's secretary reads a member's dues while the member is checked in with an org
 * of theirs in this county (a live `roster.ledger_grants` row the grantee sees): to know what
 * is due before recording a payment received there (issue 17).
 */
const checkedInHere = (tenantId: unknown, memberId: unknown) => sql`exists (select 1 from roster.ledger_grants g
  where g.tenant_id = ${tenantId} and g.member_id = ${memberId} and g.grantee_tenant_id = ${currentTenant}
    and g.revoked_at is null and (${tenantWide} or ${pathInScope(sql`g.grantee_org_path`)}))`;

/**
 * The county's dues table (党费交纳标准), kept by its department: per band a rate of the
 * monthly income or a fixed amount. A band without a row is the national standard
 * (`NATIONAL_DUES_TABLE`). Everyone in the county reads it; only the department writes.
 */
export const duesRates = roster
  .table(
    'dues_rates',
    {
      tenantId: text('tenant_id').notNull(),
      band: duesBand('band').notNull(),
      /** Basis points of the monthly income after tax (50 = 0.5 %). */
      rateBp: integer('rate_bp'),
      fixedFen: integer('fixed_fen'),
      updatedBy: text('updated_by').notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.band] }),
      check('dues_rates_one_kind', sql`(rate_bp is null) <> (fixed_fen is null)`),
      check('dues_rates_range', sql`coalesce(rate_bp, 0) between 0 and 10000 and coalesce(fixed_fen, 0) >= 0`),
      tenantPolicy('restrictive'),
      pgPolicy('dues_rates_read', { as: 'permissive', for: 'select', using: sql`true` }),
      pgPolicy('dues_rates_department', { as: 'permissive', for: 'all', using: tenantWide, withCheck: tenantWide }),
    ],
  )
  .enableRLS();

/**
 * A member's dues: the schedule, the declared income band and the monthly amount due the
 * secretary entered (prefilled from the county's table), from which month on Tongxin keeps
 * the record. The declared income itself is not kept.
 */
export const duesMembers = roster
  .table(
    'dues_members',
    {
      tenantId: text('tenant_id').notNull(),
      memberId: uuid('member_id').notNull(),
      schedule: duesSchedule('schedule').notNull(),
      band: duesBand('band').notNull(),
      monthlyDueFen: integer('monthly_due_fen').notNull(),
      /** YYYY-MM: the first month whose dues Tongxin records (arrears count from it). */
      dueFrom: text('due_from').notNull(),
      setBy: text('set_by').notNull(),
      setAt: timestamp('set_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.memberId] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      check('dues_members_due', sql`monthly_due_fen >= 0`),
      check('dues_members_from', sql`due_from ~ '^\\d{4}-(0[1-9]|1[0-2])$'`),
      ...memberRowPolicies(t),
      pgPolicy('dues_members_checked_in', { as: 'permissive', for: 'select', using: checkedInHere(t.tenantId, t.memberId) }),
    ],
  )
  .enableRLS();

/**
 * A dues payment as the secretary who received it records it (a record, not a payment: no
 * money moves through Tongxin). One standing record per member and period; a wrong one is
 * voided with a reason (kept) and recorded again. A payment at the destination names the
 * member's valid activity certificate.
 */
export const duesPayments = roster
  .table(
    'dues_payments',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      /** YYYY-MM or YYYY-Qn. */
      period: text('period').notNull(),
      /** What the period was due when it was recorded. */
      dueFen: integer('due_fen').notNull(),
      paidFen: integer('paid_fen').notNull(),
      paidOn: date('paid_on').notNull(),
      place: duesPlace('place').notNull(),
      certificateId: uuid('certificate_id'),
      certificateNumber: text('certificate_number'),
      /**
       * The org of the secretary who received it (home branch or destination organization) and
       * its county: a destination of another county records through
       * `roster.record_dues_as_destination`, so the org is not always one of this county's.
       */
      receiverTenantId: text('receiver_tenant_id').notNull(),
      receiverOrgId: uuid('receiver_org_id').notNull(),
      receiverOrgName: text('receiver_org_name').notNull(),
      recordedBy: text('recorded_by').notNull(),
      idempotencyKey: text('idempotency_key').notNull(),
      requestDigest: text('request_digest').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      voidedAt: timestamp('voided_at', { withTimezone: true }),
      voidedBy: text('voided_by'),
      voidReason: text('void_reason'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      foreignKey({ columns: [t.tenantId, t.certificateId], foreignColumns: [certificates.tenantId, certificates.id] }),
      check('dues_payments_amounts', sql`paid_fen >= 0 and due_fen >= 0`),
      check('dues_payments_period', sql`period ~ '^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$'`),
      check('dues_payments_certificate', sql`place <> 'destination' or certificate_id is not null`),
      check('dues_payments_receiver', sql`receiver_tenant_id = tenant_id or place = 'destination'`),
      check('dues_payments_void', sql`voided_at is null or void_reason is not null`),
      uniqueIndex('dues_payments_idempotency').on(t.tenantId, t.idempotencyKey),
      // One standing record per member and period; overlapping months and quarters are refused in code, under the member's row lock.
      uniqueIndex('dues_payments_period_once').on(t.tenantId, t.memberId, t.period).where(sql`voided_at is null`),
      index('dues_payments_period').on(t.tenantId, t.period),
      ...memberRowPolicies(t),
      pgPolicy('dues_payments_checked_in', { as: 'permissive', for: 'select', using: checkedInHere(t.tenantId, t.memberId) }),
    ],
  )
  .enableRLS();

import { tenantPolicy } from '@tongxin/db';
import { CERTIFICATE_STATUSES, LETTER_PURPOSES } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roster, memberRowPolicies } from './scope.ts';
import { awayReason, members } from './members.ts';
import { orgs } from './orgs.ts';

export const certificateStatus = roster.enum('certificate_status', CERTIFICATE_STATUSES);
export const letterPurpose = roster.enum('letter_purpose', LETTER_PURPOSES);

/**
 * 《流动党员活动证》 (brief, national rules; issue 17): issued and registered by the township
 * committee (or the department) for a member away under 6 months, or longer where the
 * membership cannot be transferred yet. The row is the register's line; name, branch and
 * county are kept as issued (what the certificate says), the member's current record is
 * roster.members. The member carries it as a QR code: a link with a random token of which
 * only the SHA-256 is kept (`token_hash`, replaced each time the member shows the code). A
 * secretary of any county verifies it only through `roster.verify_certificate`
 * (certificates/verify-certificate.sql): its county never reads this table.
 */
export const certificates = roster
  .table(
    'certificates',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      /** 永兴〔2026〕第012号: the county's short name, the year, the county's sequence in that year. */
      number: text('number').notNull(),
      year: integer('year').notNull(),
      seq: integer('seq').notNull(),
      memberId: uuid('member_id').notNull(),
      holderName: text('holder_name').notNull(),
      branchId: uuid('branch_id').notNull(),
      branchName: text('branch_name').notNull(),
      countyName: text('county_name').notNull(),
      /** The committee that issued it (township, street or the department): its register. */
      issuerOrgId: uuid('issuer_org_id').notNull(),
      issuerName: text('issuer_name').notNull(),
      leftOn: date('left_on').notNull(),
      issuedOn: date('issued_on').notNull(),
      validUntil: date('valid_until').notNull(),
      reasonCode: awayReason('reason_code'),
      reason: text('reason'),
      destinationProvince: text('destination_province'),
      destinationCity: text('destination_city').notNull(),
      /** Why the membership cannot be transferred yet: required for a certificate beyond 6 months. */
      notTransferableReason: text('not_transferable_reason'),
      status: certificateStatus('status').notNull().default('valid'),
      tokenHash: text('token_hash'),
      tokenIssuedAt: timestamp('token_issued_at', { withTimezone: true }),
      /** The member's report on the time away (brief: "after returning, they report on the time away"). */
      reportActivities: text('report_activities'),
      reportJoinedOrg: text('report_joined_org'),
      reportMeetings: integer('report_meetings'),
      reportedAt: timestamp('reported_at', { withTimezone: true }),
      /** Handed back and checked: the register's 交回日期. */
      handedBackOn: date('handed_back_on'),
      closedBy: text('closed_by'),
      closedAt: timestamp('closed_at', { withTimezone: true }),
      closeNote: text('close_note'),
      /** The key of the request that closed or revoked it: its retry answers the same. */
      closeKey: text('close_key'),
      revokeReason: text('revoke_reason'),
      /** When the daily job found it past its end date. */
      lapsedAt: timestamp('lapsed_at', { withTimezone: true }),
      /** When the member and the branch were reminded of the end date (once). */
      remindedAt: timestamp('reminded_at', { withTimezone: true }),
      issuedBy: text('issued_by').notNull(),
      idempotencyKey: text('idempotency_key').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      foreignKey({ columns: [t.tenantId, t.issuerOrgId], foreignColumns: [orgs.tenantId, orgs.id] }),
      uniqueIndex('certificates_number').on(t.tenantId, t.number),
      uniqueIndex('certificates_idempotency').on(t.tenantId, t.idempotencyKey),
      // One valid certificate per member: a second one is refused by the database too.
      uniqueIndex('certificates_valid').on(t.tenantId, t.memberId).where(sql`status = 'valid'`),
      // The verification looks a token up across counties (verify-certificate.sql).
      uniqueIndex('certificates_token').on(t.tokenHash),
      index('certificates_ending').on(t.tenantId, t.validUntil).where(sql`status = 'valid'`),
      index('certificates_member').on(t.tenantId, t.memberId),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

/**
 * Each county's last certificate number of a year: the next one is one conditional upsert
 * (`issue-certificate.ts`), serialized by the row, and rolled back with the issue that took it.
 */
export const certificateNumbers = roster
  .table(
    'certificate_numbers',
    {
      tenantId: text('tenant_id').notNull(),
      year: integer('year').notNull(),
      last: integer('last').notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.year] }), tenantPolicy()],
  )
  .enableRLS();

/**
 * 证明信: for a short trip (meetings, study, secondment, family visits) the committee writes a
 * dated letter instead of a certificate. A record of it, with no number and no register line.
 */
export const certificateLetters = roster
  .table(
    'certificate_letters',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      holderName: text('holder_name').notNull(),
      branchName: text('branch_name').notNull(),
      issuerOrgId: uuid('issuer_org_id').notNull(),
      issuerName: text('issuer_name').notNull(),
      purpose: letterPurpose('purpose').notNull(),
      destination: text('destination').notNull(),
      fromOn: date('from_on').notNull(),
      toOn: date('to_on').notNull(),
      issuedOn: date('issued_on').notNull(),
      note: text('note'),
      issuedBy: text('issued_by').notNull(),
      idempotencyKey: text('idempotency_key').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      foreignKey({ columns: [t.tenantId, t.issuerOrgId], foreignColumns: [orgs.tenantId, orgs.id] }),
      uniqueIndex('certificate_letters_idempotency').on(t.tenantId, t.idempotencyKey),
      index('certificate_letters_member').on(t.tenantId, t.memberId, t.issuedOn),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

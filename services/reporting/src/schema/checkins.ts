import { currentTenant, currentUser, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { reporting } from './scope.ts';

export type CheckinStatus = 'pending' | 'accepted' | 'refused' | 'returned' | 'ended' | 'withdrawn';

/** Why a destination outside Tongxin declines (brief: only identity not verifiable, or the wrong organization). */
export type OutsideDeclineCode = 'identity_unverifiable' | 'wrong_organization';

/** A home secretary as the destination deciding a check-in sees them (issue 17). */
export interface HomeContact {
  name: string;
  phone: string | null;
}

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
      /**
       * The destination on Tongxin: its county, org and path (from the directory). All three
       * null for a destination outside Tongxin (issue 17), which is named by the member instead.
       */
      destTenantId: text('dest_tenant_id'),
      destOrgId: uuid('dest_org_id'),
      destOrgPath: text('dest_org_path'),
      /** The directory's name of the org, or the name the member gave an organization outside Tongxin. */
      destOrgName: text('dest_org_name').notNull(),
      /** An organization outside Tongxin: its city, and who confirms for it (the single-use link goes to this phone). */
      outsideCity: text('outside_city'),
      outsideContactName: text('outside_contact_name'),
      outsideContactPhone: text('outside_contact_phone'),
      /** An outside organization's decline: one of the brief's reasons. */
      declineCode: text('decline_code').$type<OutsideDeclineCode>(),
      /**
       * The activity certificate the member attached (reporting's copy from
       * `roster.certificate_changed`, kept current on the row by that consumer): what a
       * destination sees of it, number, end date and state, never the register.
       */
      certificateId: uuid('certificate_id'),
      certificateNumber: text('certificate_number'),
      certificateValidUntil: date('certificate_valid_until', { mode: 'string' }),
      certificateStatus: text('certificate_status'),
      /**
       * The home secretaries' contact (name, phone) a destination on Tongxin calls (issue 17):
       * the seat holders nearest the member's branch, from the copy of identity's seats, kept
       * current on open check-ins by the seats consumer. The member's county writes it; the
       * destination reads it on the rows addressed to it only.
       */
      homeContacts: jsonb('home_contacts').$type<HomeContact[]>().notNull().default([]),
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
      index('checkins_certificate').on(t.tenantId, t.certificateId),
      // A destination is either an org of the directory or one outside Tongxin named by the
      // member; an outside one is granted no ledger field (issue 17), whatever code asks.
      check(
        'checkins_destination',
        sql`(${t.destTenantId} is not null and ${t.destOrgId} is not null and ${t.destOrgPath} is not null and ${t.outsideContactPhone} is null)
          or (${t.destTenantId} is null and ${t.destOrgId} is null and ${t.destOrgPath} is null and ${t.outsideCity} is not null
            and ${t.outsideContactName} is not null and ${t.outsideContactPhone} is not null and cardinality(${t.grantFields}) = 0)`,
      ),
      // Both counties read a check-in; only the member's county writes it (issue 13 D). The
      // destination's writes (decide, end) go through the SECURITY DEFINER functions of
      // checkins/decide-checkin.sql and end-checkin-as-destination.sql, which check the
      // destination side.
      pgPolicy('checkin_tenants', {
        as: 'restrictive',
        for: 'select',
        using: sql`tenant_id = ${currentTenant} or dest_tenant_id = ${currentTenant}`,
      }),
      pgPolicy('checkin_inserts', { as: 'restrictive', for: 'insert', withCheck: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('checkin_updates', { as: 'restrictive', for: 'update', using: sql`tenant_id = ${currentTenant}`, withCheck: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('checkin_deletes', { as: 'restrictive', for: 'delete', using: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('checkin_scope', {
        as: 'permissive',
        for: 'all',
        using: sql`(tenant_id = ${currentTenant} and (${tenantWide} or ${t.userId} = ${currentUser} or ${pathInScope(t.orgPath)}))
          or (dest_tenant_id = ${currentTenant} and (${tenantWide} or ${pathInScope(t.destOrgPath)}))`,
      }),
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

/**
 * Which ledger fields a check-in from this county grants by default (issue 12: the setup
 * wizard's settings step); absent = DEFAULT_GRANT_FIELDS in code. The member's county decides
 * what its members share, so any transaction of the county reads it (a member's request does),
 * but only tenant-wide work (the department) writes it.
 */
export const checkinSettings = reporting
  .table(
    'checkin_settings',
    {
      tenantId: text('tenant_id').notNull(),
      grantFields: text('grant_fields').array().notNull(),
      updatedBy: text('updated_by'),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId] }),
      tenantPolicy('restrictive'),
      pgPolicy('checkin_settings_read', { as: 'permissive', for: 'select', using: sql`true` }),
      pgPolicy('checkin_settings_insert', { as: 'permissive', for: 'insert', withCheck: tenantWide }),
      pgPolicy('checkin_settings_update', { as: 'permissive', for: 'update', using: tenantWide, withCheck: tenantWide }),
    ],
  )
  .enableRLS();

/**
 * Every county's organizations as a check-in names them (from `roster.org_saved`, re-pathed by
 * `roster.org_moved`): where a destination is and what it is called. A check-in request
 * carries only the destination's county and id; its path, which decides which of the
 * destination's secretaries see it, and its name are read here, never taken from the client
 * (issue 13). Ids, names and paths only, no people: every county reads it (a member checks in
 * across counties, as roster's org_directory), each writes only its own.
 */
export const orgDirectory = reporting
  .table(
    'org_directory',
    {
      tenantId: text('tenant_id').notNull(),
      orgId: uuid('org_id').notNull(),
      name: text('name').notNull(),
      path: text('path').notNull(),
      closedAt: timestamp('closed_at', { withTimezone: true }),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.orgId] }),
      pgPolicy('org_directory_read', { as: 'permissive', for: 'select', using: sql`${currentTenant} is not null` }),
      pgPolicy('org_directory_insert', { as: 'permissive', for: 'insert', withCheck: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('org_directory_update', { as: 'permissive', for: 'update', using: sql`tenant_id = ${currentTenant}`, withCheck: sql`tenant_id = ${currentTenant}` }),
    ],
  )
  .enableRLS();

/**
 * The single-use link a destination outside Tongxin confirms or declines a check-in by (issue
 * 17), sent to the contact's phone. Only the token's SHA-256 is stored; a link is answered once,
 * lapses at `expires_at`, and a resend revokes the one before. Read and written in the member's
 * county: by the member (their request, withdrawing), the home secretaries and department
 * (resend), and the public answer, whose tenant-wide transaction the token itself gates.
 */
export const checkinLinks = reporting
  .table(
    'checkin_links',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      checkinId: uuid('checkin_id').notNull(),
      /** The member's account and branch path, copied from the check-in for the policy. */
      userId: text('user_id').notNull(),
      orgPath: text('org_path').notNull(),
      tokenHash: text('token_hash').notNull(),
      createdBy: text('created_by').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      usedAt: timestamp('used_at', { withTimezone: true }),
      revokedAt: timestamp('revoked_at', { withTimezone: true }),
      /** A resend's key: a retried resend answers the link it sent. */
      idempotencyKey: text('idempotency_key'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      uniqueIndex('checkin_links_token').on(t.tenantId, t.tokenHash),
      uniqueIndex('checkin_links_idempotency').on(t.tenantId, t.idempotencyKey),
      // At most one live link per check-in: a resend revokes the old one in the same transaction.
      uniqueIndex('checkin_links_live').on(t.tenantId, t.checkinId).where(sql`used_at is null and revoked_at is null`),
      tenantPolicy('restrictive'),
      pgPolicy('checkin_links_scope', {
        as: 'permissive',
        for: 'all',
        using: sql`${tenantWide} or ${t.userId} = ${currentUser} or ${pathInScope(t.orgPath)}`,
        withCheck: sql`${tenantWide} or ${t.userId} = ${currentUser} or ${pathInScope(t.orgPath)}`,
      }),
    ],
  )
  .enableRLS();

/**
 * Requests from one client address to the public answer of a link (issue 17: safe against
 * guessing), as identity throttles its public pages: a key names the limit and its subject
 * (`checkin-link:ip:203.0.113.9`). Only the public procedure's tenant-wide work touches it.
 */
export const throttles = reporting
  .table(
    'throttles',
    {
      tenantId: text('tenant_id').notNull(),
      key: text('key').notNull(),
      count: integer('count').notNull(),
      windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
      lockedUntil: timestamp('locked_until', { withTimezone: true }),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.key] }),
      tenantPolicy('restrictive'),
      pgPolicy('throttles_tenant_wide', { as: 'permissive', for: 'all', using: tenantWide, withCheck: tenantWide }),
    ],
  )
  .enableRLS();

/**
 * The county's activity certificates as a check-in shows them (from `roster.certificate_changed`):
 * number, end date, state, whose. Any transaction of the county reads it (a member attaches
 * their own to a request, found by the server from the member's record); only the consumer's
 * tenant-wide work writes it.
 */
export const certificateCopies = reporting
  .table(
    'certificates',
    {
      tenantId: text('tenant_id').notNull(),
      certificateId: uuid('certificate_id').notNull(),
      memberId: uuid('member_id').notNull(),
      number: text('number').notNull(),
      validUntil: date('valid_until', { mode: 'string' }).notNull(),
      status: text('status').notNull(),
      /** The event's time: an older event does not overwrite a newer state. */
      changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.certificateId] }),
      index('certificates_member').on(t.tenantId, t.memberId),
      tenantPolicy('restrictive'),
      pgPolicy('certificates_read', { as: 'permissive', for: 'select', using: sql`true` }),
      pgPolicy('certificates_write', { as: 'permissive', for: 'insert', withCheck: tenantWide }),
      pgPolicy('certificates_update', { as: 'permissive', for: 'update', using: tenantWide, withCheck: tenantWide }),
    ],
  )
  .enableRLS();

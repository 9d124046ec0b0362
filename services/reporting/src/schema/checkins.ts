import { currentTenant, currentUser, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { index, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { reporting } from './scope.ts';

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

import type { RoleGrant } from '@tongxin/auth';
import { currentTenant, currentUser, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid, type PgColumn } from 'drizzle-orm/pg-core';
import { userRef } from './accounts.ts';
import { identity, operatorScope, orgInScope } from './scope.ts';

/** Every grant of a staff invitation is a seat in an org of the caller's subtree. */
const staffSeatsInScope = (t: { tenantId: PgColumn; purpose: PgColumn; grants: PgColumn }) =>
  sql`(${t.purpose} = 'staff' and not exists (select 1 from jsonb_array_elements(${t.grants}) g
    where g->>'role' <> 'secretary' or not ${orgInScope(t.tenantId, sql`(g->>'orgId')`)}))`;

/**
 * Single-use invitations: the first operator's setup link (`platform` tenant), a county
 * administrator invited by the operator, staff invited by the department or a township.
 * Only the token's SHA-256 is stored. The operator reads and writes them across tenants.
 */
export const invitations = identity
  .table(
    'invitations',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      tokenHash: text('token_hash').notNull(),
      /** setup: the first operator; department: a county's administrator; staff: invited by the county. */
      purpose: text('purpose').notNull(),
      name: text('name'),
      phone: text('phone'),
      /** What accepting grants. */
      grants: jsonb('grants').$type<RoleGrant[]>().notNull().default([]),
      /** The appointment a staff invitation fills (a secretary of an org), if any. */
      issuedByUserId: uuid('issued_by_user_id'),
      issuedByTenantId: text('issued_by_tenant_id'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      usedAt: timestamp('used_at', { withTimezone: true }),
      revokedAt: timestamp('revoked_at', { withTimezone: true }),
      userId: uuid('user_id'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      uniqueIndex('invitations_token').on(t.tenantId, t.tokenHash),
      pgPolicy('invitation_reads', { as: 'permissive', for: 'select', using: sql`tenant_id = ${currentTenant} or ${operatorScope}` }),
      // The operator invites anywhere; a county's department anything in it; a secretary only
      // staff for seats (secretary or deputy) in their subtree.
      pgPolicy('invitation_writes', {
        as: 'permissive',
        for: 'all',
        using: sql`${operatorScope} or (tenant_id = ${currentTenant} and (${tenantWide} or ${staffSeatsInScope(t)}))`,
        withCheck: sql`${operatorScope} or (tenant_id = ${currentTenant} and (${tenantWide} or ${staffSeatsInScope(t)}))`,
      }),
    ],
  )
  .enableRLS();

/**
 * A member's activation code: single-use, 14 days, only its SHA-256 stored. Visible to
 * whoever may see the member in `people` (the policy's subquery runs under the caller's own
 * row policies), so a secretary issues and lists codes in their subtree only.
 */
export const activationCodes = identity
  .table(
    'activation_codes',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      codeHash: text('code_hash').notNull(),
      memberId: uuid('member_id').notNull(),
      issuedByUserId: uuid('issued_by_user_id'),
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      usedAt: timestamp('used_at', { withTimezone: true }),
      revokedAt: timestamp('revoked_at', { withTimezone: true }),
      /** Wrong name or ID fragment typed with this code; 5 lock it. */
      failures: integer('failures').notNull().default(0),
      lockedUntil: timestamp('locked_until', { withTimezone: true }),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      uniqueIndex('activation_codes_code').on(t.tenantId, t.codeHash),
      index('activation_codes_member').on(t.tenantId, t.memberId),
      tenantPolicy('restrictive'),
      pgPolicy('activation_scope', {
        as: 'permissive',
        for: 'all',
        using: sql`${tenantWide} or exists (select 1 from "identity"."people" p where p.tenant_id = ${t.tenantId} and p.member_id = ${t.memberId})`,
      }),
    ],
  )
  .enableRLS();

/** A password-reset code sent by SMS: 15 minutes, only its SHA-256 stored, 5 wrong tries end it. */
export const resetCodes = identity
  .table(
    'reset_codes',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      userId: uuid('user_id').notNull(),
      codeHash: text('code_hash').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      usedAt: timestamp('used_at', { withTimezone: true }),
      failures: integer('failures').notNull().default(0),
    },
    // Only the reset flow (tenant-wide, before anyone is logged in) reads or writes them.
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      userRef(t, 'reset_codes_user_fk'),
      index('reset_codes_user').on(t.tenantId, t.userId),
      tenantPolicy('restrictive'),
      pgPolicy('reset_flow_only', { as: 'permissive', for: 'all', using: tenantWide, withCheck: tenantWide }),
    ],
  )
  .enableRLS();

/**
 * Counters behind every limit that is not per account: failed logins, activations and
 * resets per client address, messages per phone. `key` names the limit and its subject
 * (`login:ip:203.0.113.9`, `sms:phone:13800000001`).
 */
export const throttles = identity
  .table(
    'throttles',
    {
      tenantId: text('tenant_id').notNull(),
      key: text('key').notNull(),
      count: integer('count').notNull().default(0),
      windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
      lockedUntil: timestamp('locked_until', { withTimezone: true }),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.key] }), tenantPolicy()],
  )
  .enableRLS();

/**
 * Who holds which org (secretary or deputy): the audited record of appointments. One held
 * by a member who has no account yet waits (user_id null) and becomes a role when they
 * activate; an appointment with a user is mirrored as a `secretary` role assignment.
 */
export const appointments = identity
  .table(
    'appointments',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      orgId: uuid('org_id').notNull(),
      /** The org's path when appointed, so scope is one prefix test (kept by org_moved). */
      orgPath: text('org_path').notNull(),
      memberId: uuid('member_id'),
      userId: uuid('user_id'),
      name: text('name').notNull(),
      /** secretary or deputy (书记 / 副书记): the same scope. */
      title: text('title').notNull(),
      appointedByUserId: uuid('appointed_by_user_id'),
      appointedAt: timestamp('appointed_at', { withTimezone: true }).notNull(),
      endedAt: timestamp('ended_at', { withTimezone: true }),
      endedByUserId: uuid('ended_by_user_id'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      index('appointments_org').on(t.tenantId, t.orgId),
      index('appointments_member').on(t.tenantId, t.memberId),
      tenantPolicy('restrictive'),
      pgPolicy('appointment_reads', { as: 'permissive', for: 'select', using: sql`${tenantWide} or ${pathInScope(t.orgPath)} or ${t.userId}::text = ${currentUser}` }),
      // A seat in the caller's subtree, with the org's own path (read from the copy, never
      // trusted from the row): a secretary cannot file a township seat under their branch.
      pgPolicy('appointment_writes', {
        as: 'permissive',
        for: 'all',
        using: sql`${tenantWide} or ${pathInScope(t.orgPath)}`,
        withCheck: sql`${tenantWide} or (${pathInScope(t.orgPath)} and ${t.orgPath} = (select o.path from "identity"."orgs" o where o.tenant_id = ${t.tenantId} and o.org_id = ${t.orgId}))`,
      }),
    ],
  )
  .enableRLS();

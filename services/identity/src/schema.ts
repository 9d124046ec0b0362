import { orgCopyTable } from '@tongxin/copies';
import { currentTenant, currentUser, outboxTable, pathInScope, processedEventsTable, tenantPolicy, tenantWide } from '@tongxin/db';
import type { RoleGrant } from '@tongxin/auth';
import { sql, type SQL } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgPolicy, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid, type PgColumn } from 'drizzle-orm/pg-core';

export const identity = pgSchema('identity');

export const tenantKind = identity.enum('tenant_kind', ['county', 'city', 'platform']);

/** The platform operator's transaction (app.operator): only the registry and invitations honour it. */
export const operatorScope = sql`(select current_setting('app.operator', true) = 'on')`;

export interface TenantProfile {
  contact?: string;
  phone?: string;
  address?: string;
}

/**
 * The tenant registry itself (a county; a city groups counties; `platform` holds the
 * operators). The id is the 6-digit administrative division code. Readable by all (the
 * login form lists counties); created, renamed, suspended by the platform operator; a
 * county's own department keeps its profile and setup progress in `tenant_setup`.
 */
export const tenants = identity
  .table(
    'tenants',
    {
      id: text('id').primaryKey(),
      name: text('name').notNull(),
      kind: tenantKind('kind').notNull().default('county'),
      /** The city tenant a county belongs to. */
      cityId: text('city_id'),
      /** A suspended tenant's users cannot log in or refresh; nothing is deleted. */
      suspendedAt: timestamp('suspended_at', { withTimezone: true }),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    () => [
      pgPolicy('read_only', { as: 'permissive', for: 'select', using: sql`true` }),
      pgPolicy('operator_writes', { as: 'permissive', for: 'insert', withCheck: operatorScope }),
      pgPolicy('operator_updates', { as: 'permissive', for: 'update', using: operatorScope, withCheck: operatorScope }),
    ],
  )
  .enableRLS();

/** A county's own setup: profile, the wizard's progress, and when it went live. Its department writes it. */
export const tenantSetup = identity
  .table(
    'tenant_setup',
    {
      tenantId: text('tenant_id').primaryKey(),
      profile: jsonb('profile').$type<TenantProfile>().notNull().default({}),
      /** The wizard's steps the department has marked done. */
      steps: jsonb('steps').$type<string[]>().notNull().default([]),
      /** Live: its flow organizations are in the cross-county directory. */
      liveAt: timestamp('live_at', { withTimezone: true }),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    () => [
      // The operator sees whether a county went live (no people in this row).
      pgPolicy('tenant_read', { as: 'permissive', for: 'select', using: sql`tenant_id = ${currentTenant} or ${operatorScope}` }),
      pgPolicy('department_writes', { as: 'permissive', for: 'all', using: sql`tenant_id = ${currentTenant} and ${tenantWide}`, withCheck: sql`tenant_id = ${currentTenant} and ${tenantWide}` }),
    ],
  )
  .enableRLS();

/**
 * Tables request code reads tenant-wide (a login reads users, credentials and grants before
 * anyone is known) but writes only as `write` allows: RLS is the last wall inside a county
 * too (issue 13 D), so a member's or a secretary's transaction cannot grant itself a role,
 * set another's password or fill a seat above its scope, whatever SQL it runs.
 */
function guardedWrites(write: SQL) {
  return [
    tenantPolicy('restrictive'),
    pgPolicy('tenant_reads', { as: 'permissive', for: 'select', using: sql`true` }),
    pgPolicy('guarded_inserts', { as: 'permissive', for: 'insert', withCheck: write }),
    pgPolicy('guarded_updates', { as: 'permissive', for: 'update', using: write, withCheck: write }),
    pgPolicy('guarded_deletes', { as: 'permissive', for: 'delete', using: write }),
  ];
}

/** The org (by id, in the row's county) lies in the caller's subtree: read from identity's copy, never from the row. */
const orgInScope = (tenantId: PgColumn, orgId: PgColumn | SQL) =>
  sql`exists (select 1 from "identity"."orgs" o where o.tenant_id = ${tenantId} and o.org_id::text = ${orgId}::text and ${pathInScope(sql`o.path`)})`;

export const users = identity
  .table(
    'users',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      /** What the person types to log in (a phone number or an account name), unique in the tenant. */
      username: text('username').notNull(),
      displayName: text('display_name').notNull(),
      /**
       * When staff last set this username by changing the member's ledger phone: for a while
       * no reset code goes to that phone if the account holds more than a member's grant
       * (whoever changed the phone must not be able to take over a wider account).
       */
      usernameSetByStaffAt: timestamp('username_set_by_staff_at', { withTimezone: true }),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    // Accounts open and usernames change only in tenant-wide work (activation, invitations, roster's events).
    (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('users_username').on(t.tenantId, t.username), ...guardedWrites(tenantWide)],
  )
  .enableRLS();

const userRef = (t: { tenantId: PgColumn; userId: PgColumn }, name: string) =>
  foreignKey({ name, columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade');

export const credentials = identity
  .table(
    'credentials',
    {
      tenantId: text('tenant_id').notNull(),
      userId: uuid('user_id').notNull(),
      /** argon2id, PHC string format. */
      passwordHash: text('password_hash').notNull(),
      changedAt: timestamp('changed_at', { withTimezone: true }).defaultNow().notNull(),
    },
    // A password is set in tenant-wide work (a new account, a reset) or by its own user.
    (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), userRef(t, 'credentials_user_fk'), ...guardedWrites(sql`${tenantWide} or ${t.userId}::text = ${currentUser}`)],
  )
  .enableRLS();

/** Lucia's session table: the id is the SHA-256 of the cookie's token. */
export const sessions = identity
  .table(
    'sessions',
    {
      tenantId: text('tenant_id').notNull(),
      id: text('id').notNull(),
      userId: uuid('user_id').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
      /** Idle expiry: slides forward on use, never past created_at + 12 h. */
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.id] }), userRef(t, 'sessions_user_fk'), index('sessions_user').on(t.tenantId, t.userId), tenantPolicy()],
  )
  .enableRLS();

/** `operator`: the platform operator (brief, "Who uses it"), in the `platform` tenant; `admin` is unused. */
export const roleName = identity.enum('role_name', ['member', 'secretary', 'department', 'city', 'admin', 'operator']);

export const roleAssignments = identity
  .table(
    'role_assignments',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      userId: uuid('user_id').notNull(),
      role: roleName('role').notNull(),
      /** roster's org id (member: the branch; secretary: the org held). Identity keeps only the reference. */
      orgId: uuid('org_id'),
      /** For the city role: the city tenant whose counties it sees. */
      cityId: text('city_id'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      userRef(t, 'role_assignments_user_fk'),
      uniqueIndex('role_assignments_unique').on(t.tenantId, t.userId, t.role, t.orgId),
      // Tenant-wide work grants anything; a secretary only a secretary's seat in their subtree.
      ...guardedWrites(sql`${tenantWide} or (${t.role} = 'secretary' and ${orgInScope(t.tenantId, t.orgId)})`),
    ],
  )
  .enableRLS();

/** Failed-login counter per typed username, existing or not, so a lock says nothing about existence. */
export const loginAttempts = identity
  .table(
    'login_attempts',
    {
      tenantId: text('tenant_id').notNull(),
      username: text('username').notNull(),
      failures: integer('failures').notNull().default(0),
      /** Failures older than the lock window no longer count. */
      lastFailedAt: timestamp('last_failed_at', { withTimezone: true }),
      lockedUntil: timestamp('locked_until', { withTimezone: true }),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.username] }), tenantPolicy()],
  )
  .enableRLS();

export const auditKind = identity.enum('audit_kind', [
  'login', 'login_failed', 'locked', 'login_refused_locked', 'logout', 'password_changed',
  'login_refused_suspended', 'operator_created', 'tenant_created', 'tenant_renamed', 'tenant_suspended', 'tenant_resumed',
  'invitation_issued', 'invitation_revoked', 'invitation_accepted', 'activation_issued', 'activation_revoked',
  'activated', 'activation_failed', 'reset_requested', 'reset_failed', 'password_reset', 'role_granted', 'role_removed',
  'account_closed', 'tenant_live', 'setup_changed', 'sms_settings_changed', 'throttled', 'username_changed', 'reset_refused',
]);

/** Append-only (a trigger refuses UPDATE and DELETE, for the owner too). */
export const auditEvents = identity
  .table(
    'audit_events',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      at: timestamp('at', { withTimezone: true }).notNull(),
      kind: auditKind('kind').notNull(),
      userId: uuid('user_id'),
      username: text('username'),
      ip: text('ip'),
      /** Who acted, when not the user the row is about (an appointment, an issued code). */
      actorUserId: uuid('actor_user_id'),
      /** The org an appointment or a code concerns. */
      orgId: uuid('org_id'),
      /** What else the row needs to be read (never a code, a token or a password). */
      detail: jsonb('detail').$type<Record<string, unknown>>(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('audit_events_at').on(t.tenantId, t.at), tenantPolicy()],
  )
  .enableRLS();


export const outbox = outboxTable(identity);
/** Roster's events identity applies (its copies of people and orgs). */
export const processedEvents = processedEventsTable(identity);

/** Roster's orgs, for scope checks (appointments, codes) and the setup checklist. */
export const orgs = orgCopyTable(identity);

/**
 * Roster's members as identity needs them to open accounts: who, where in the tree, the
 * ledger's phone (the username) and a digest of the ID number's last 6 characters (what a
 * member types to prove who they are). A member sees their own row, a secretary the rows in
 * their subtree, the department the tenant.
 */
export const people = identity
  .table(
    'people',
    {
      tenantId: text('tenant_id').notNull(),
      memberId: uuid('member_id').notNull(),
      userId: uuid('user_id'),
      name: text('name').notNull(),
      phone: text('phone'),
      /** sha256(`${memberId}:${last 6 of the ID number}`), see @tongxin/ledger idTailDigest. */
      idTailDigest: text('id_tail_digest'),
      branchId: uuid('branch_id').notNull(),
      orgPath: text('org_path').notNull(),
      status: text('status').notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.memberId] }),
      uniqueIndex('people_user').on(t.tenantId, t.userId),
      index('people_org_path').using('btree', t.tenantId, sql`${t.orgPath} text_pattern_ops`),
      index('people_phone').on(t.tenantId, t.phone),
      tenantPolicy('restrictive'),
      pgPolicy('people_scope', { as: 'permissive', for: 'select', using: sql`${tenantWide} or ${t.userId}::text = ${currentUser} or ${pathInScope(t.orgPath)}` }),
      // Only roster's events and activation (tenant-wide) write the copy: nobody moves themself.
      pgPolicy('people_writes', { as: 'permissive', for: 'all', using: tenantWide, withCheck: tenantWide }),
    ],
  )
  .enableRLS();

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

/** A county's SMS provider (Tencent Cloud SMS). The secret key is encrypted at rest and never returned. */
export const smsSettings = identity
  .table(
    'sms_settings',
    {
      tenantId: text('tenant_id').primaryKey(),
      provider: text('provider').notNull().default('tencent'),
      sdkAppId: text('sdk_app_id').notNull(),
      signName: text('sign_name').notNull(),
      region: text('region').notNull().default('ap-guangzhou'),
      templates: jsonb('templates').$type<{ activation: string; reset: string; invitation: string }>().notNull(),
      secretId: text('secret_id').notNull(),
      secretKeyEncrypted: text('secret_key_encrypted').notNull(),
      updatedByUserId: uuid('updated_by_user_id'),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    () => [
      // Any transaction of the county may read the row to send a code (a secretary issues
      // their branch's); the key is sealed and the router never returns it. Only the
      // department writes it.
      pgPolicy('tenant_reads', { as: 'permissive', for: 'select', using: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('department_writes', { as: 'permissive', for: 'insert', withCheck: sql`tenant_id = ${currentTenant} and ${tenantWide}` }),
      pgPolicy('department_updates', { as: 'permissive', for: 'update', using: sql`tenant_id = ${currentTenant} and ${tenantWide}`, withCheck: sql`tenant_id = ${currentTenant} and ${tenantWide}` }),
      pgPolicy('department_deletes', { as: 'permissive', for: 'delete', using: sql`tenant_id = ${currentTenant} and ${tenantWide}` }),
    ],
  )
  .enableRLS();

/** Each message handed to a channel, with the provider's answer (or the rate limit's refusal). */
export const messageDeliveries = identity
  .table(
    'message_deliveries',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      kind: text('kind').notNull(),
      phone: text('phone').notNull(),
      provider: text('provider').notNull(),
      /** sent, failed, refused_rate_limit */
      status: text('status').notNull(),
      providerMessageId: text('provider_message_id'),
      errorCode: text('error_code'),
      at: timestamp('at', { withTimezone: true }).defaultNow().notNull(),
    },
    // Any of the county's transactions records what it sent; only the department reads the phones.
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      index('message_deliveries_at').on(t.tenantId, t.at),
      tenantPolicy('restrictive'),
      pgPolicy('department_reads', { as: 'permissive', for: 'select', using: tenantWide }),
      pgPolicy('any_records', { as: 'permissive', for: 'insert', withCheck: sql`true` }),
    ],
  )
  .enableRLS();

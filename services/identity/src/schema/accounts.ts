import { currentUser, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid, type PgColumn } from 'drizzle-orm/pg-core';
import { guardedWrites, identity, orgInScope } from './scope.ts';

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

export const userRef = (t: { tenantId: PgColumn; userId: PgColumn }, name: string) =>
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
  'city_grant_given', 'city_grant_revoked',
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

import { tenantPolicy } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgPolicy, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid, type PgColumn } from 'drizzle-orm/pg-core';

export const identity = pgSchema('identity');

export const tenantKind = identity.enum('tenant_kind', ['county', 'city', 'platform']);

/** The tenant registry itself (a county; a city groups counties). Readable by all, written by the owner only. */
export const tenants = identity
  .table(
    'tenants',
    {
      id: text('id').primaryKey(),
      name: text('name').notNull(),
      kind: tenantKind('kind').notNull().default('county'),
      /** The city tenant a county belongs to. */
      cityId: text('city_id'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    () => [pgPolicy('read_only', { as: 'permissive', for: 'select', using: sql`true` })],
  )
  .enableRLS();

export const users = identity
  .table(
    'users',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      /** What the person types to log in (a phone number or an account name), unique in the tenant. */
      username: text('username').notNull(),
      displayName: text('display_name').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('users_username').on(t.tenantId, t.username), tenantPolicy()],
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
    (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), userRef(t, 'credentials_user_fk'), tenantPolicy()],
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

export const roleName = identity.enum('role_name', ['member', 'secretary', 'department', 'city', 'admin']);

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
      tenantPolicy(),
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

export const auditKind = identity.enum('audit_kind', ['login', 'login_failed', 'locked', 'login_refused_locked', 'logout', 'password_changed']);

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
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('audit_events_at').on(t.tenantId, t.at), tenantPolicy()],
  )
  .enableRLS();

import { currentTenant, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roster } from './scope.ts';

/**
 * Brief, "Organizations". Flow organizations (flow_general 党总支, flow_branch 支部) sit in a
 * destination city and hang under the township that created them.
 */
export const orgKind = roster.enum('org_kind', [
  'department', 'township', 'branch', 'mobile_branch', 'flow_general', 'flow_branch',
  'county', 'street', 'general_branch',
]);


export const orgs = roster
  .table(
    'orgs',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      parentId: uuid('parent_id'),
      kind: orgKind('kind').notNull(),
      name: text('name').notNull(),
      /** Materialized path `/<root id>/…/<id>/`: "in subtree" is one indexed prefix match. */
      path: text('path').notNull(),
      /** A flow organization's destination: province, city, address. */
      province: text('province'),
      city: text('city'),
      address: text('address'),
      /** The place an org serves, where it differs from its name: 马田镇 for 马田镇党委. */
      place: text('place'),
      /** Closed orgs stay for history; they take no members and no children. */
      closedAt: timestamp('closed_at', { withTimezone: true }),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
      index('orgs_path').using('btree', t.tenantId, sql`${t.path} text_pattern_ops`),
      tenantPolicy('restrictive'),
      // Everyone in the tenant reads the tree; only the department or a secretary of an
      // ancestor changes it. (The path holds every ancestor's id, so no self-join.)
      pgPolicy('org_read', { as: 'permissive', for: 'select', using: sql`true` }),
      pgPolicy('org_write', { as: 'permissive', for: 'insert', withCheck: sql`${tenantWide} or ${pathInScope(t.path)}` }),
      pgPolicy('org_update', { as: 'permissive', for: 'update', using: sql`${tenantWide} or ${pathInScope(t.path)}`, withCheck: sql`${tenantWide} or ${pathInScope(t.path)}` }),
    ],
  )
  .enableRLS();

/** Every change to the tree: who, when, what it was and became. */
export const orgChanges = roster
  .table(
    'org_changes',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      orgId: uuid('org_id').notNull(),
      action: text('action').$type<'created' | 'renamed' | 'moved' | 'closed' | 'updated'>().notNull(),
      before: jsonb('before'),
      after: jsonb('after'),
      actorUserId: text('actor_user_id'),
      idempotencyKey: text('idempotency_key'),
      at: timestamp('at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
      index('org_changes_org').on(t.tenantId, t.orgId, t.at),
      uniqueIndex('org_changes_idempotency').on(t.tenantId, t.idempotencyKey),
      tenantPolicy(),
    ],
  )
  .enableRLS();

/**
 * The platform-wide directory of organizations another county may address: departments
 * (for transfers) and flow organizations (for check-ins). Names and places only, no people;
 * every tenant reads it, each writes only its own entries.
 */
export const orgDirectory = roster
  .table(
    'org_directory',
    {
      tenantId: text('tenant_id').notNull(),
      orgId: uuid('org_id').notNull(),
      kind: orgKind('kind').notNull(),
      name: text('name').notNull(),
      province: text('province'),
      city: text('city'),
      /** The org's materialized path in its county: a check-in scopes the destination's secretaries by it. */
      path: text('path'),
      closedAt: timestamp('closed_at', { withTimezone: true }),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.orgId] }),
      foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
      index('org_directory_city').on(t.city, t.name),
      pgPolicy('directory_read', { as: 'permissive', for: 'select', using: sql`${currentTenant} is not null` }),
      pgPolicy('directory_write', { as: 'permissive', for: 'insert', withCheck: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('directory_update', { as: 'permissive', for: 'update', using: sql`tenant_id = ${currentTenant}`, withCheck: sql`tenant_id = ${currentTenant}` }),
    ],
  )
  .enableRLS();

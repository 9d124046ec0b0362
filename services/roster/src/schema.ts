import { currentOrgIds, currentUser, outboxTable, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { foreignKey, index, pgPolicy, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const roster = pgSchema('roster');

/** Brief, "Organizations": department → township → village branches; flow orgs sit in destination cities. */
export const orgKind = roster.enum('org_kind', ['department', 'township', 'branch', 'mobile_branch', 'flow_general', 'flow_branch']);

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
      /** A flow organization's destination city. */
      city: text('city'),
      /** The place an org serves, where it differs from its name: 马田镇 for 马田镇党委. */
      place: text('place'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
      index('orgs_path').using('btree', t.tenantId, sql`${t.path} text_pattern_ops`),
      tenantPolicy(),
    ],
  )
  .enableRLS();

export const memberStatus = roster.enum('member_status', ['resident', 'mobile', 'lost_contact']);

export const members = roster
  .table(
    'members',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      /** identity's user id, when the member has an account. */
      userId: text('user_id'),
      name: text('name').notNull(),
      branchId: uuid('branch_id').notNull(),
      /** The branch's path, copied so the subtree policy needs no join per row. */
      orgPath: text('org_path').notNull(),
      status: memberStatus('status').notNull().default('resident'),
      // Ledger (信息台账) fields the member reports; versioning comes with the ledger issue.
      destinationCity: text('destination_city'),
      employer: text('employer'),
      occupation: text('occupation'),
      phone: text('phone'),
      /** A retried create carries the same key and creates nothing new. */
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.branchId], foreignColumns: [orgs.tenantId, orgs.id] }),
      index('members_org_path').using('btree', t.tenantId, sql`${t.orgPath} text_pattern_ops`),
      uniqueIndex('members_user').on(t.tenantId, t.userId),
      uniqueIndex('members_idempotency').on(t.tenantId, t.idempotencyKey),
      tenantPolicy('restrictive'),
      // Inside the tenant: the department sees all, a member sees themself, a secretary the
      // subtrees of their orgs.
      pgPolicy('org_scope', {
        as: 'permissive',
        for: 'all',
        using: sql`${tenantWide} or ${t.userId} = ${currentUser} or exists (
          select 1 from roster.orgs o where o.tenant_id = ${t.tenantId}
            and o.id = any(${currentOrgIds}::uuid[]) and ${t.orgPath} like o.path || '%')`,
      }),
    ],
  )
  .enableRLS();

export const outbox = outboxTable(roster);

import { currentUser, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { index, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { reporting } from './scope.ts';

/**
 * Roster's members as reporting needs them (who should report, in which branch), kept from
 * roster's events: no service reads another's tables.
 */
export const members = reporting
  .table(
    'members',
    {
      tenantId: text('tenant_id').notNull(),
      memberId: uuid('member_id').notNull(),
      userId: text('user_id'),
      name: text('name').notNull(),
      branchId: uuid('branch_id').notNull(),
      orgPath: text('org_path').notNull(),
      /** resident / mobile / lost_contact / transferred_out, as in roster. */
      status: text('status').notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.memberId] }),
      uniqueIndex('members_user').on(t.tenantId, t.userId),
      index('members_org_path').using('btree', t.tenantId, sql`${t.orgPath} text_pattern_ops`),
      tenantPolicy('restrictive'),
      pgPolicy('member_scope', { as: 'permissive', for: 'all', using: sql`${tenantWide} or ${t.userId} = ${currentUser} or ${pathInScope(t.orgPath)}` }),
    ],
  )
  .enableRLS();

import { orgCopyTable } from '@tongxin/copies';
import { currentUser, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { index, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { identity } from './scope.ts';

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

import { currentTenant, pathInScope, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roster, memberVisible } from './scope.ts';
import { members } from './members.ts';

export type TransferStatus = 'requested' | 'origin_approved' | 'township_approved' | 'accepted' | 'rejected' | 'cancelled';

/**
 * 组织关系转接. Both counties read a transfer between them: the origin (tenant_id) and the
 * receiving tenant (to_tenant_id), each within its own secretaries' scope. The ledger is
 * sent as a snapshot, the only member data that crosses tenants here.
 */
export const transfers = roster
  .table(
    'transfers',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      fromBranchId: uuid('from_branch_id').notNull(),
      fromPath: text('from_path').notNull(),
      toTenantId: text('to_tenant_id').notNull(),
      /** Within a tenant the receiving branch is named at once; across tenants the receiving department picks it. */
      toOrgId: uuid('to_org_id').notNull(),
      toPath: text('to_path'),
      toBranchId: uuid('to_branch_id'),
      reason: text('reason'),
      status: text('status').$type<TransferStatus>().notNull().default('requested'),
      requestedBy: text('requested_by').notNull(),
      requestedByRole: text('requested_by_role').$type<'member' | 'secretary'>().notNull(),
      /** [{ step, by, at, note }] */
      steps: jsonb('steps').$type<{ step: TransferStatus; by: string; at: string; note?: string }[]>().notNull().default([]),
      ledger: jsonb('ledger').$type<Record<string, unknown>>().notNull(),
      /** The member created in the receiving tenant. */
      newMemberId: uuid('new_member_id'),
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      uniqueIndex('transfers_open').on(t.tenantId, t.memberId).where(sql`status in ('requested', 'origin_approved', 'township_approved')`),
      uniqueIndex('transfers_idempotency').on(t.tenantId, t.idempotencyKey),
      index('transfers_to_tenant').on(t.toTenantId, t.status),
      // Both counties read a transfer; only the origin county writes it (issue 13 D). The
      // receiving county's decisions (accept, reject) go through the SECURITY DEFINER functions
      // of transfers/accept-transfer-from-county.sql and reject-transfer-from-county.sql,
      // which check the receiving side.
      pgPolicy('transfer_tenants', {
        as: 'restrictive',
        for: 'select',
        using: sql`tenant_id = ${currentTenant} or to_tenant_id = ${currentTenant}`,
      }),
      pgPolicy('transfer_inserts', { as: 'restrictive', for: 'insert', withCheck: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('transfer_updates', { as: 'restrictive', for: 'update', using: sql`tenant_id = ${currentTenant}`, withCheck: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('transfer_deletes', { as: 'restrictive', for: 'delete', using: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('transfer_scope', {
        as: 'permissive',
        for: 'all',
        using: sql`(${tenantWide}) or ${pathInScope(t.fromPath)} or (${t.toPath} is not null and ${pathInScope(t.toPath)})
          or (tenant_id = ${currentTenant} and ${memberVisible(t.tenantId, t.memberId)})`,
      }),
    ],
  )
  .enableRLS();

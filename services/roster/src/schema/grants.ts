import { currentTenant, pathInScope, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roster, memberVisible } from './scope.ts';
import { members } from './members.ts';

/**
 * A destination organization's right to read some of a member's ledger (报到, issue 6): written
 * in the member's county when a check-in is accepted, from reporting's event. It holds a copy
 * of exactly the granted fields (`data`, refreshed by every ledger change while the grant
 * lives), so the destination never reads roster.members: the grant is the only path across
 * counties, and revoking it empties the copy.
 */
export const ledgerGrants = roster
  .table(
    'ledger_grants',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      /** reporting's check-in that made it. */
      checkinId: uuid('checkin_id').notNull(),
      granteeTenantId: text('grantee_tenant_id').notNull(),
      granteeOrgId: uuid('grantee_org_id').notNull(),
      granteeOrgPath: text('grantee_org_path').notNull(),
      /** The ledger fields granted (LEDGER_FIELDS names). */
      fields: text('fields').array().notNull(),
      /** name, origin branch and county, and the granted fields' current values. */
      data: jsonb('data').$type<Record<string, string | null>>().notNull(),
      grantedBy: text('granted_by').notNull(),
      grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
      revokedBy: text('revoked_by'),
      revokedAt: timestamp('revoked_at', { withTimezone: true }),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      uniqueIndex('ledger_grants_checkin').on(t.tenantId, t.checkinId),
      index('ledger_grants_grantee').on(t.granteeTenantId, t.granteeOrgId).where(sql`revoked_at is null`),
      pgPolicy('grant_tenants', {
        as: 'restrictive',
        for: 'all',
        using: sql`tenant_id = ${currentTenant} or grantee_tenant_id = ${currentTenant}`,
        withCheck: sql`tenant_id = ${currentTenant}`,
      }),
      pgPolicy('grant_read', {
        as: 'permissive',
        for: 'select',
        using: sql`(tenant_id = ${currentTenant} and (${tenantWide} or ${memberVisible(t.tenantId, t.memberId)}))
          or (grantee_tenant_id = ${currentTenant} and revoked_at is null and (${tenantWide} or ${pathInScope(t.granteeOrgPath)}))`,
      }),
      // Only the member's county writes a grant (its consumer, or a ledger change refreshing the copy).
      pgPolicy('grant_write', { as: 'permissive', for: 'insert', withCheck: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('grant_update', { as: 'permissive', for: 'update', using: sql`tenant_id = ${currentTenant}`, withCheck: sql`tenant_id = ${currentTenant}` }),
    ],
  )
  .enableRLS();

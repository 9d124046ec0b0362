import { currentTenant, currentUser, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { index, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import { seatCopyTable, type SeatCopyTable } from './seats.ts';

/**
 * Roster's members as another service keeps them (who, in which branch and path, status,
 * where they work now). A member sees their own row, a secretary the rows in their
 * subtree, the department (and event consumers) the tenant.
 */
export function memberCopyTable(schema: PgSchema<string>) {
  return schema
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
        destinationCity: text('destination_city'),
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
}

/** Roster's orgs: names, kinds and paths, which everyone in the tenant may read. */
export function orgCopyTable(schema: PgSchema<string>) {
  return schema
    .table(
      'orgs',
      {
        tenantId: text('tenant_id').notNull(),
        orgId: uuid('org_id').notNull(),
        kind: text('kind').notNull(),
        name: text('name').notNull(),
        path: text('path').notNull(),
        city: text('city'),
        closedAt: timestamp('closed_at', { withTimezone: true }),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.orgId] }),
        index('orgs_path').using('btree', t.tenantId, sql`${t.path} text_pattern_ops`),
        tenantPolicy(),
      ],
    )
    .enableRLS();
}

/**
 * Accepted check-ins (报到), one per member, in the MEMBER's county (tenant_id) and
 * readable by the destination's county (dest_tenant_id) within its scope: how a flow
 * organization's tasks and rankings reach members checked in from another county.
 * Ids and paths only, no personal data.
 */
export function checkinCopyTable(schema: PgSchema<string>) {
  const members = sql.raw(`"${schema.schemaName}"."members"`);
  return schema
    .table(
      'checkins',
      {
        tenantId: text('tenant_id').notNull(),
        memberId: uuid('member_id').notNull(),
        checkinId: uuid('checkin_id').notNull(),
        destTenantId: text('dest_tenant_id').notNull(),
        destOrgId: uuid('dest_org_id').notNull(),
        destOrgPath: text('dest_org_path').notNull(),
        acceptedAt: timestamp('accepted_at', { withTimezone: true }).defaultNow().notNull(),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.memberId] }),
        index('checkins_dest').on(t.destTenantId, t.destOrgId),
        pgPolicy('checkin_tenants', {
          as: 'restrictive',
          for: 'all',
          using: sql`tenant_id = ${currentTenant} or dest_tenant_id = ${currentTenant}`,
          // Only the member's county writes a copy (the consumer runs in copyTenant(event)):
          // the destination reads it, and can neither insert nor rewrite one (issue 13 D).
          withCheck: sql`tenant_id = ${currentTenant}`,
        }),
        // Nor can the destination take a copy over by rewriting its tenant_id (issue 13 D).
        pgPolicy('checkin_updates', { as: 'restrictive', for: 'update', using: sql`tenant_id = ${currentTenant}`, withCheck: sql`tenant_id = ${currentTenant}` }),
        // Nor delete one: a copy ends only by the member's county's events (issue 13 D).
        pgPolicy('checkin_deletes', { as: 'restrictive', for: 'delete', using: sql`tenant_id = ${currentTenant}` }),
        pgPolicy('checkin_scope', {
          as: 'permissive',
          for: 'all',
          using: sql`(tenant_id = ${currentTenant} and (${tenantWide} or exists (select 1 from ${members} m where m.tenant_id = ${t.tenantId} and m.member_id = ${t.memberId})))
            or (dest_tenant_id = ${currentTenant} and (${tenantWide} or ${pathInScope(t.destOrgPath)}))`,
        }),
      ],
    )
    .enableRLS();
}

export type MemberCopyTable = ReturnType<typeof memberCopyTable>;
export type OrgCopyTable = ReturnType<typeof orgCopyTable>;
export type CheckinCopyTable = ReturnType<typeof checkinCopyTable>;

export interface Copies {
  members: MemberCopyTable;
  orgs: OrgCopyTable;
  checkins: CheckinCopyTable;
  seats: SeatCopyTable;
}

/** The copies in a service's schema; spread them into its schema module. */
export function copyTables(schema: PgSchema<string>): Copies {
  return { members: memberCopyTable(schema), orgs: orgCopyTable(schema), checkins: checkinCopyTable(schema), seats: seatCopyTable(schema) };
}

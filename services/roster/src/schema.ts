import { currentOrgIds, currentTenant, currentUser, outboxTable, processedEventsTable, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import {
  date, foreignKey, index, integer, jsonb, pgPolicy, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

export const roster = pgSchema('roster');

/**
 * Brief, "Organizations". Flow organizations (flow_general 党总支, flow_branch 支部) sit in a
 * destination city and hang under the township that created them.
 */
export const orgKind = roster.enum('org_kind', [
  'department', 'township', 'branch', 'mobile_branch', 'flow_general', 'flow_branch',
  'county', 'street', 'general_branch',
]);

/** True when the row's materialized path passes through one of the caller's orgs. */
const pathInScope = (path: unknown) => sql`string_to_array(trim(both '/' from ${path}), '/') && ${currentOrgIds}`;

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

/** transferred_out: the membership moved away; the record is kept, closed. */
export const memberStatus = roster.enum('member_status', ['resident', 'mobile', 'lost_contact', 'transferred_out']);
export const gender = roster.enum('gender', ['male', 'female']);

export const members = roster
  .table(
    'members',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      /** identity's user id, when the member has an account. */
      userId: text('user_id'),
      name: text('name').notNull(),
      gender: gender('gender'),
      birthDate: date('birth_date'),
      /** 18-digit resident ID, check digit validated; the import key. Lists show it masked. */
      idCardNumber: text('id_card_number'),
      /** The member's own mobile phone. */
      phone: text('phone'),
      /** Date joined the party. */
      joinedOn: date('joined_on'),
      branchId: uuid('branch_id').notNull(),
      /** The branch's path, copied so the subtree policy needs no join per row. */
      orgPath: text('org_path').notNull(),
      status: memberStatus('status').notNull().default('resident'),
      // The information ledger (信息台账), brief "报告": see ledger/ledger-fields.ts.
      destinationProvince: text('destination_province'),
      destinationCity: text('destination_city'),
      employer: text('employer'),
      occupation: text('occupation'),
      residentialAddress: text('residential_address'),
      destinationPhone: text('destination_phone'),
      destinationOrgName: text('destination_org_name'),
      destinationOrgLeader: text('destination_org_leader'),
      destinationOrgContact: text('destination_org_contact'),
      awaySince: date('away_since'),
      /** 失联: since when, and the register's reason code (1–7, brief "Lost contact"). */
      lostContactSince: date('lost_contact_since'),
      lostContactReason: integer('lost_contact_reason'),
      /** Per ledger field: when it was last entered or confirmed (ISO timestamps). */
      fieldConfirmedAt: jsonb('field_confirmed_at').$type<Record<string, string>>().notNull().default({}),
      /** The oldest of fieldConfirmedAt, kept beside it so staleness is one indexed filter. */
      ledgerConfirmedAt: timestamp('ledger_confirmed_at', { withTimezone: true }),
      /** Ledger version; member_versions holds every one. */
      version: integer('version').notNull().default(1),
      /** A retried create carries the same key and creates nothing new. */
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.branchId], foreignColumns: [orgs.tenantId, orgs.id] }),
      index('members_org_path').using('btree', t.tenantId, sql`${t.orgPath} text_pattern_ops`),
      index('members_org_status').on(t.tenantId, t.branchId, t.status),
      index('members_ledger_confirmed').on(t.tenantId, t.ledgerConfirmedAt),
      index('members_destination_city').on(t.tenantId, t.destinationCity),
      uniqueIndex('members_user').on(t.tenantId, t.userId),
      uniqueIndex('members_idempotency').on(t.tenantId, t.idempotencyKey),
      uniqueIndex('members_id_card').on(t.tenantId, t.idCardNumber),
      tenantPolicy('restrictive'),
      // Inside the tenant: the department sees all, a member sees themself, a secretary the
      // subtrees of their orgs.
      pgPolicy('org_scope', {
        as: 'permissive',
        for: 'all',
        // The path holds every ancestor's id: a position test per row, no join to orgs
        // (the join ran a subplan over the county's orgs for every member).
        using: sql`${tenantWide} or ${t.userId} = ${currentUser} or exists (
          select 1 from unnest(${currentOrgIds}) scope(id) where position('/' || scope.id || '/' in ${t.orgPath}) > 0)`,
      }),
    ],
  )
  .enableRLS();

/** Rows about one member are visible exactly when the member is (members' own policies apply). */
const memberVisible = (tenantId: unknown, memberId: unknown) =>
  sql`exists (select 1 from roster.members m where m.tenant_id = ${tenantId} and m.id = ${memberId})`;

const memberRowPolicies = (t: { tenantId: unknown; memberId: unknown }) => [
  tenantPolicy('restrictive'),
  pgPolicy('member_visible', { as: 'permissive', for: 'all', using: memberVisible(t.tenantId, t.memberId) }),
];

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** Each change to a member's record: who, when, which fields, old and new values. */
export const memberVersions = roster
  .table(
    'member_versions',
    {
      tenantId: text('tenant_id').notNull(),
      memberId: uuid('member_id').notNull(),
      version: integer('version').notNull(),
      /** created, ledger_update, correction, confirmed, outflow, return, placed, lost_contact, recontacted, transfer, import. */
      action: text('action').notNull(),
      changes: jsonb('changes').$type<FieldChange[]>().notNull(),
      actorUserId: text('actor_user_id'),
      /** member, secretary, department, system. */
      actorRole: text('actor_role').notNull(),
      idempotencyKey: text('idempotency_key'),
      at: timestamp('at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.memberId, t.version] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      uniqueIndex('member_versions_idempotency').on(t.tenantId, t.idempotencyKey),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

/** Full reads of sensitive fields (the ID-card number) by staff: append-only. */
export const sensitiveReads = roster
  .table(
    'sensitive_reads',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      field: text('field').notNull(),
      actorUserId: text('actor_user_id').notNull(),
      at: timestamp('at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      tenantPolicy('restrictive'),
      // Anyone who may see the member leaves a trace; only the department reads the traces.
      pgPolicy('read_logged', { as: 'permissive', for: 'insert', withCheck: memberVisible(t.tenantId, t.memberId) }),
      pgPolicy('read_log_audit', { as: 'permissive', for: 'select', using: tenantWide }),
    ],
  )
  .enableRLS();

/** 外出登记 and 返乡: one row per time away. */
export const outflows = roster
  .table(
    'outflows',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      leftOn: date('left_on').notNull(),
      destinationProvince: text('destination_province'),
      destinationCity: text('destination_city').notNull(),
      reason: text('reason'),
      expectedMonths: integer('expected_months'),
      returnedOn: date('returned_on'),
      returnNote: text('return_note'),
      recordedBy: text('recorded_by'),
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      // At most one open time away per member.
      uniqueIndex('outflows_open').on(t.tenantId, t.memberId).where(sql`returned_on is null`),
      uniqueIndex('outflows_idempotency').on(t.tenantId, t.idempotencyKey),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

/** The 6-month rule: a daily job proposes moving a long-away member to the village's mobile-member branch. */
export const placementProposals = roster
  .table(
    'placement_proposals',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      fromBranchId: uuid('from_branch_id').notNull(),
      /** Null when the village has no mobile-member branch: the proposal says so. */
      toBranchId: uuid('to_branch_id'),
      awaySince: date('away_since').notNull(),
      status: text('status').$type<'pending' | 'confirmed' | 'dismissed'>().notNull().default('pending'),
      proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
      decidedAt: timestamp('decided_at', { withTimezone: true }),
      decidedBy: text('decided_by'),
      note: text('note'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      uniqueIndex('placement_pending').on(t.tenantId, t.memberId).where(sql`status = 'pending'`),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

/**
 * 失联 proposed by reporting's escalation ladder (K months without a monthly report and a
 * failed contact): the secretary confirms, with the register's reason code, or dismisses.
 */
export const lostContactProposals = roster
  .table(
    'lost_contact_proposals',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      /** Where the proposal came from: 'monthly_reports' (the escalation ladder). */
      source: text('source').notNull(),
      /** The months (`YYYY-MM`) without a report. */
      periods: text('periods').array().notNull(),
      proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
      status: text('status').$type<'pending' | 'confirmed' | 'dismissed'>().notNull().default('pending'),
      decidedAt: timestamp('decided_at', { withTimezone: true }),
      decidedBy: text('decided_by'),
      /** The register's reason code (1–7), when confirmed. */
      reason: integer('reason'),
      note: text('note'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      uniqueIndex('lost_contact_pending').on(t.tenantId, t.memberId).where(sql`status = 'pending'`),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

/** A secretary's attempt to reach a member (for 失联). */
export const contactAttempts = roster
  .table(
    'contact_attempts',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      attemptedOn: date('attempted_on').notNull(),
      channel: text('channel').$type<'phone' | 'wechat' | 'sms' | 'visit' | 'letter' | 'other'>().notNull(),
      result: text('result').$type<'reached' | 'no_answer' | 'unreachable' | 'refused' | 'other'>().notNull(),
      note: text('note'),
      recordedBy: text('recorded_by').notNull(),
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      index('contact_attempts_member').on(t.tenantId, t.memberId, t.attemptedOn),
      uniqueIndex('contact_attempts_idempotency').on(t.tenantId, t.idempotencyKey),
      ...memberRowPolicies(t),
    ],
  )
  .enableRLS();

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
      pgPolicy('transfer_tenants', {
        as: 'restrictive',
        for: 'all',
        using: sql`tenant_id = ${currentTenant} or to_tenant_id = ${currentTenant}`,
        withCheck: sql`tenant_id = ${currentTenant} or to_tenant_id = ${currentTenant}`,
      }),
      pgPolicy('transfer_scope', {
        as: 'permissive',
        for: 'all',
        using: sql`(${tenantWide}) or ${pathInScope(t.fromPath)} or (${t.toPath} is not null and ${pathInScope(t.toPath)})
          or (tenant_id = ${currentTenant} and ${memberVisible(t.tenantId, t.memberId)})`,
      }),
    ],
  )
  .enableRLS();

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

export const outbox = outboxTable(roster);
/** Events roster itself consumes (a transfer accepted in another tenant closes the origin record). */
export const processedEvents = processedEventsTable(roster);

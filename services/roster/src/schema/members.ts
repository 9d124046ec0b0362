import { currentUser, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { AWAY_REASONS, CONTACT_SOURCES, EDUCATION_LEVELS } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roster, memberVisible, memberRowPolicies } from './scope.ts';
import { orgs } from './orgs.ts';

/** transferred_out: the membership moved away; the record is kept, closed. */
export const memberStatus = roster.enum('member_status', ['resident', 'mobile', 'lost_contact', 'transferred_out']);
/** What a last contact was: a meeting attended (视同参会 too), a monthly report, a secretary's attempt that reached them, dues paid, a check-in accepted. */
export type { ContactSource } from '@tongxin/ledger';
export const contactSource = roster.enum('contact_source', CONTACT_SOURCES);
export const gender = roster.enum('gender', ['male', 'female']);
/** 学历, the party statistics' bands (`EDUCATION_LEVELS`). */
export const education = roster.enum('education', EDUCATION_LEVELS);
/** 外出原因 (`AWAY_REASONS`): on the outflow that recorded it, and on the member while away. */
export const awayReason = roster.enum('away_reason', AWAY_REASONS);

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
      /**
       * Blind index for search by a whole ID-card number: sha256 of `tenant_id:number`, kept
       * by the database itself so every write path (create, import, changeMember, transfer
       * accept) and every existing row has it. No per-deployment key reaches roster
       * (ServiceDeps carries none), so the tenant salts it; a prefix cannot be matched.
       */
      idCardHash: text('id_card_hash').generatedAlwaysAs(
        sql`encode(sha256(replace(tenant_id || ':' || id_card_number, '\\', '\\\\')::bytea), 'hex')`,
      ),
      /** The member's own mobile phone. */
      phone: text('phone'),
      /** Date joined the party. */
      joinedOn: date('joined_on'),
      education: education('education'),
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
      /**
       * Why the member is away, while they are (set by 外出登记, cleared by 返乡; an import or
       * the secretary may set it for a member already away): the rollups and exports read it
       * here rather than from the open outflow, which members away before Tongxin do not have.
       */
      awayReason: awayReason('away_reason'),
      /** 失联: since when, and the register's reason code (1–7, brief "Lost contact"). */
      lostContactSince: date('lost_contact_since'),
      lostContactReason: integer('lost_contact_reason'),
      /**
       * The member's last contact with the organization (brief "Lost contact": counted from
       * the last organizational life or dues payment), from every source the product knows;
       * only ever moved forward (`mobility/last-contact.ts`). Null: none recorded since the
       * member was entered, so the 6-month rule counts from `created_at`.
       */
      lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
      lastContactSource: contactSource('last_contact_source'),
      /** Per ledger field: when it was last entered or confirmed (ISO timestamps). */
      fieldConfirmedAt: jsonb('field_confirmed_at').$type<Record<string, string>>().notNull().default({}),
      /** The oldest of fieldConfirmedAt, kept beside it so staleness is one indexed filter. */
      ledgerConfirmedAt: timestamp('ledger_confirmed_at', { withTimezone: true }),
      /** Ledger version; member_versions holds every one. */
      version: integer('version').notNull().default(1),
      /** A retried create carries the same key and creates nothing new. */
      idempotencyKey: text('idempotency_key'),
      /** What the key was first sent with (`requestDigest`): a key re-sent with other content is refused unread. */
      requestDigest: text('request_digest'),
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
      index('members_last_contact').on(t.tenantId, t.lastContactAt),
      uniqueIndex('members_user').on(t.tenantId, t.userId),
      uniqueIndex('members_idempotency').on(t.tenantId, t.idempotencyKey),
      uniqueIndex('members_id_card').on(t.tenantId, t.idCardNumber),
      index('members_id_card_hash').on(t.tenantId, t.idCardHash),
      tenantPolicy('restrictive'),
      // Inside the tenant: the department sees all, a member sees themself, a secretary the
      // subtrees of their orgs.
      pgPolicy('org_scope', {
        as: 'permissive',
        for: 'all',
        // The path holds every ancestor's id: a position test per row, no join to orgs
        // (the join ran a subplan over the county's orgs for every member).
        using: sql`${tenantWide} or ${t.userId} = ${currentUser} or ${pathInScope(t.orgPath)}`,
      }),
    ],
  )
  .enableRLS();

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
      /** What the key was first sent with (`requestDigest`), for a change a request made. */
      requestDigest: text('request_digest'),
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

/**
 * A search by a whole ID-card number; a registration refused because someone out of sight
 * holds the number; a create, correction or import row whose number a member in the caller's
 * scope holds (refused, or matched to that member).
 */
// `import_match`: an imported row matched to a member in the caller's scope (the file updates
// them). Logged, not counted against the hourly limit: a county re-imports its roster, and a
// guess through an import leaves a new member for every miss, recorded in its history.
export const ID_CARD_LOOKUP_KINDS = ['search', 'registration_refused', 'registration_in_scope', 'import_match'] as const;

/**
 * Every lookup of a whole ID-card number other than the audited reveal (issue 13 B): a search
 * tells whether the number is a member's, a refused create, import row or correction tells
 * that someone out of the caller's sight holds it. Both are ID reads: logged with who, when and
 * the number's blind index (and the member, when the search found one), and counted per user
 * for the hourly limit (`members/id-card-lookups.ts`). Append-only, like the read log.
 */
export const idCardLookups = roster
  .table(
    'id_card_lookups',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      actorUserId: text('actor_user_id').notNull(),
      kind: text('kind', { enum: ID_CARD_LOOKUP_KINDS }).notNull(),
      /** `members.id_card_hash` of the number looked up: the department finds the holder by it, nobody reads the number. */
      idCardHash: text('id_card_hash').notNull(),
      /** The member found in the caller's scope (a search's hit, an in-scope holder); null when none, and for a refusal (its holder is out of sight). */
      memberId: uuid('member_id'),
      at: timestamp('at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
      index('id_card_lookups_actor_at').on(t.tenantId, t.actorUserId, t.at),
      tenantPolicy('restrictive'),
      // Each user logs only their own lookups; they may count them (the limit), the department reads all.
      pgPolicy('lookup_logged', { as: 'permissive', for: 'insert', withCheck: sql`${t.actorUserId} = ${currentUser}` }),
      pgPolicy('lookup_own_or_audit', { as: 'permissive', for: 'select', using: sql`(${tenantWide} or ${t.actorUserId} = ${currentUser})` }),
    ],
  )
  .enableRLS();

import { currentTenant, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { jsonb, pgPolicy, text, timestamp } from 'drizzle-orm/pg-core';
import { identity, operatorScope } from './scope.ts';

export const tenantKind = identity.enum('tenant_kind', ['county', 'city', 'platform']);


export interface TenantProfile {
  contact?: string;
  phone?: string;
  address?: string;
}

/**
 * The tenant registry itself (a county; a city groups counties; `platform` holds the
 * operators). The id is the 6-digit administrative division code. Readable by all (the
 * login form lists counties); created, renamed, suspended by the platform operator; a
 * county's own department keeps its profile and setup progress in `tenant_setup`.
 */
export const tenants = identity
  .table(
    'tenants',
    {
      id: text('id').primaryKey(),
      name: text('name').notNull(),
      kind: tenantKind('kind').notNull().default('county'),
      /** The city tenant a county belongs to. */
      cityId: text('city_id'),
      /** A suspended tenant's users cannot log in or refresh; nothing is deleted. */
      suspendedAt: timestamp('suspended_at', { withTimezone: true }),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    () => [
      pgPolicy('read_only', { as: 'permissive', for: 'select', using: sql`true` }),
      pgPolicy('operator_writes', { as: 'permissive', for: 'insert', withCheck: operatorScope }),
      pgPolicy('operator_updates', { as: 'permissive', for: 'update', using: operatorScope, withCheck: operatorScope }),
    ],
  )
  .enableRLS();

/** A county's own setup: profile, the wizard's progress, and when it went live. Its department writes it. */
export const tenantSetup = identity
  .table(
    'tenant_setup',
    {
      tenantId: text('tenant_id').primaryKey(),
      profile: jsonb('profile').$type<TenantProfile>().notNull().default({}),
      /** The wizard's steps the department has marked done. */
      steps: jsonb('steps').$type<string[]>().notNull().default([]),
      /** Live: its flow organizations are in the cross-county directory. */
      liveAt: timestamp('live_at', { withTimezone: true }),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    () => [
      // The operator sees whether a county went live (no people in this row).
      pgPolicy('tenant_read', { as: 'permissive', for: 'select', using: sql`tenant_id = ${currentTenant} or ${operatorScope}` }),
      pgPolicy('department_writes', { as: 'permissive', for: 'all', using: sql`tenant_id = ${currentTenant} and ${tenantWide}`, withCheck: sql`tenant_id = ${currentTenant} and ${tenantWide}` }),
    ],
  )
  .enableRLS();

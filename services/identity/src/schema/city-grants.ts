import { tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { index, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRef } from './accounts.ts';
import { guardedWrites, identity } from './scope.ts';

/**
 * A county's grant to its city (issue 15): while one stands (not revoked), the city's
 * department reads the county's rollups, aggregates only. Given and revoked by the county's
 * department; a revoked grant is kept with who revoked it and when, and a new one is a new
 * row, so the history stays. The city is the county's own (`tenants.city_id`), read by the
 * server. At most one grant stands per county and city.
 */
export const cityGrants = identity
  .table(
    'city_grants',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      cityId: text('city_id').notNull(),
      givenBy: uuid('given_by').notNull(),
      givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
      revokedBy: uuid('revoked_by'),
      revokedAt: timestamp('revoked_at', { withTimezone: true }),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      userRef({ tenantId: t.tenantId, userId: t.givenBy }, 'city_grants_given_by_fk'),
      uniqueIndex('city_grants_standing').on(t.tenantId, t.cityId).where(sql`${t.revokedAt} is null`),
      index('city_grants_history').on(t.tenantId, t.givenAt),
      // Read in the county; only its department (tenant-wide work) gives or revokes.
      ...guardedWrites(tenantWide),
    ],
  )
  .enableRLS();

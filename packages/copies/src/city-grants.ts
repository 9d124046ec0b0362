import { claimEvent, currentTenant, tenantPolicy, tenantWide, tenantTransaction, type Database, type DomainEvent, type ProcessedEventsTable, type Tx } from '@tongxin/db';
import { parsePayload, TOPICS, type CityGrantChanged } from '@tongxin/events';
import { sql } from 'drizzle-orm';
import { boolean, pgPolicy, primaryKey, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * A county's grant to its city as a service with rollups keeps it from identity's
 * `identity.city_grant_changed` (issue 15): one row per county and city, `standing` while the
 * grant does. The rollups' city read policy (`@tongxin/rollups`' tables) reads it: a city's
 * department sees a county's rollups exactly while the row stands. The county reads and writes
 * its own rows (written only by the consumer, tenant-wide); the city reads the rows naming it,
 * which is what its policy needs, and can write none.
 */
export function cityGrantCopyTable(schema: PgSchema<string>) {
  return schema
    .table(
      'city_grants',
      {
        /** The county that gives. */
        tenantId: text('tenant_id').notNull(),
        cityId: text('city_id').notNull(),
        standing: boolean('standing').notNull(),
        /** The time of the event applied last: an older one changes nothing. */
        changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.cityId] }),
        tenantPolicy(),
        pgPolicy('city_reads_its_grants', { as: 'permissive', for: 'select', using: sql`${t.cityId} = ${currentTenant}` }),
        pgPolicy('city_grants_written_tenant_wide', { as: 'restrictive', for: 'insert', withCheck: tenantWide }),
        pgPolicy('city_grants_updated_tenant_wide', { as: 'restrictive', for: 'update', using: tenantWide, withCheck: tenantWide }),
        pgPolicy('city_grants_deleted_tenant_wide', { as: 'restrictive', for: 'delete', using: tenantWide }),
      ],
    )
    .enableRLS();
}

export type CityGrantCopyTable = ReturnType<typeof cityGrantCopyTable>;

/**
 * Applies a give or a revoke in the county (`tenantId`, the event's tenant): the row takes the
 * event's state unless it already holds a later one, so a redelivered or late event changes nothing.
 */
export async function applyCityGrantChanged(tx: Tx, grants: CityGrantCopyTable, tenantId: string, p: CityGrantChanged): Promise<void> {
  const at = new Date(p.at);
  await tx
    .insert(grants)
    .values({ tenantId, cityId: p.cityId, standing: p.granted, changedAt: at })
    .onConflictDoUpdate({
      target: [grants.tenantId, grants.cityId],
      set: { standing: p.granted, changedAt: at },
      setWhere: sql`${grants.changedAt} <= ${at.toISOString()}::timestamptz`,
    });
}

/**
 * A consumer of identity's outbox for a service with rollups (roster, reporting, tasks,
 * scoring): each `identity.city_grant_changed` applied once, its id claimed in the service's
 * `processed_events` in the same transaction, tenant-wide in the county.
 */
export function createCityGrantConsumer(options: { grants: CityGrantCopyTable; processed: ProcessedEventsTable }) {
  return async function applyCityGrantEvent(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
    if (event.topic !== TOPICS.identity.cityGrantChanged) return 'ignored';
    return tenantTransaction(database, { tenantId: event.tenantId, tenantWide: true }, async (tx) => {
      if (!(await claimEvent(tx, options.processed, event))) return 'duplicate';
      await applyCityGrantChanged(tx, options.grants, event.tenantId, parsePayload(TOPICS.identity.cityGrantChanged, event.payload));
      return 'applied';
    });
  };
}

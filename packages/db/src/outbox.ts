import { asc, isNull, sql } from 'drizzle-orm';
import { index, jsonb, primaryKey, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import { parsePayload, type EventPayload, type Topic } from '@tongxin/events';
import type { Database, Tx } from './database.ts';
import { tenantPolicy } from './tenant-policy.ts';

/** What a service says happened; written in the same transaction as the change. */
export interface DomainEvent<P = unknown> {
  id: string;
  tenantId: string;
  topic: string;
  payload: P;
  createdAt: Date;
}

export function outboxTable(schema: PgSchema<string>) {
  return schema
    .table(
      'outbox',
      {
        tenantId: text('tenant_id').notNull(),
        id: uuid('id').defaultRandom().notNull(),
        topic: text('topic').notNull(),
        payload: jsonb('payload').notNull(),
        createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
        deliveredAt: timestamp('delivered_at', { withTimezone: true }),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.id] }),
        index('outbox_undelivered').on(t.createdAt).where(sql`delivered_at is null`),
        tenantPolicy(),
      ],
    )
    .enableRLS();
}
export type OutboxTable = ReturnType<typeof outboxTable>;

/** Event ids a consumer has applied: the primary key makes a second delivery a no-op. */
export function processedEventsTable(schema: PgSchema<string>) {
  return schema
    .table(
      'processed_events',
      {
        tenantId: text('tenant_id').notNull(),
        eventId: uuid('event_id').notNull(),
        appliedAt: timestamp('applied_at', { withTimezone: true }).defaultNow().notNull(),
      },
      (t) => [primaryKey({ columns: [t.tenantId, t.eventId] }), tenantPolicy()],
    )
    .enableRLS();
}
export type ProcessedEventsTable = ReturnType<typeof processedEventsTable>;

/**
 * An outbox row whose payload is checked against its topic's schema (@tongxin/events): a
 * payload that drifted from the contract throws before anything is written. For producers
 * that insert rows themselves (their own ids, several rows at once, raw SQL).
 */
export function outboxRow<T extends Topic>(tenantId: string, topic: T, payload: EventPayload<T>, id?: string) {
  return { tenantId, topic, payload: parsePayload(topic, payload), ...(id ? { id } : {}) };
}

/** Writes an event in the caller's transaction; only the topic's payload type compiles. */
export async function recordEvent<T extends Topic>(tx: Tx, outbox: OutboxTable, tenantId: string, topic: T, payload: EventPayload<T>) {
  await tx.insert(outbox).values(outboxRow(tenantId, topic, payload));
}

/** True the first time an event id is seen in this transaction's tenant; false on redelivery. */
export async function claimEvent(tx: Tx, processed: ProcessedEventsTable, event: DomainEvent): Promise<boolean> {
  const rows = await tx
    .insert(processed)
    .values({ tenantId: event.tenantId, eventId: event.id })
    .onConflictDoNothing()
    .returning({ id: processed.eventId });
  return rows.length === 1;
}

/**
 * Delivers undelivered events, oldest first, then marks them. Runs on the system handle: it
 * is system work across tenants, not request code. Delivery is at least once (a crash between
 * deliver and mark redelivers), which is why consumers use `claimEvent`. The delivered
 * events are marked in one statement per batch (also when a delivery fails part-way, for
 * those before it): one round trip per event less, which under load was the relay's
 * bottleneck (issue 7, event lag).
 */
export async function relayOutbox(
  database: Database,
  outbox: OutboxTable,
  deliver: (event: DomainEvent) => Promise<void>,
  batch = 100,
): Promise<number> {
  const events = await database.system
    .select()
    .from(outbox)
    .where(isNull(outbox.deliveredAt))
    .orderBy(asc(outbox.createdAt))
    .limit(batch);
  const delivered: DomainEvent[] = [];
  try {
    for (const event of events) {
      await deliver(event);
      delivered.push(event);
    }
  } finally {
    if (delivered.length > 0) {
      const keys = delivered.map((e) => sql`(${e.tenantId}, ${e.id}::uuid)`);
      await database.system
        .update(outbox)
        .set({ deliveredAt: new Date() })
        .where(sql`(${outbox.tenantId}, ${outbox.id}) in (${sql.join(keys, sql`, `)})`);
    }
  }
  return events.length;
}

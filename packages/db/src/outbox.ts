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
 * bottleneck (issue 7, event lag). With `lanes` above 1, up to that many members' events are
 * delivered at once, each member's in order (deliverInOrder).
 */
export async function relayOutbox(
  database: Database,
  outbox: OutboxTable,
  deliver: (event: DomainEvent) => Promise<void>,
  batch = 100,
  lanes = 1,
): Promise<number> {
  const events = await database.system
    .select()
    .from(outbox)
    .where(isNull(outbox.deliveredAt))
    .orderBy(asc(outbox.createdAt))
    .limit(batch);
  const delivered: DomainEvent[] = [];
  try {
    await deliverInOrder(events, deliver, lanes, delivered);
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

/**
 * Whose order an event must keep: a member's events (a claim, a report, its withdrawal) in
 * order among themselves; an event about no one member (a task published, an org moved) is a
 * barrier that waits for everything before it and holds back everything after it (also one
 * that names only an account). The key is the member's id alone, not the event's county: a check-in's acceptance is recorded in the
 * destination county and its end in the member's, and the end must never overtake it.
 */
function orderKey(event: DomainEvent): string | null {
  const payload = event.payload as { memberId?: unknown } | null;
  return typeof payload?.memberId === 'string' ? payload.memberId : null;
}

/**
 * Delivers `events` keeping each member's order and every barrier's, up to `lanes` members at
 * once (issue 16: one event at a time, the relay fell behind a sustained load). The delivered
 * ones are pushed to `delivered`; after a failure the failing member's later events wait for
 * the next round and nothing past the next barrier is delivered.
 */
async function deliverInOrder(events: readonly DomainEvent[], deliver: (event: DomainEvent) => Promise<void>, lanes: number, delivered: DomainEvent[]) {
  let start = 0;
  while (start < events.length) {
    if (lanes <= 1 || orderKey(events[start]!) === null) {
      await deliver(events[start]!);
      delivered.push(events[start]!);
      start += 1;
      continue;
    }
    let end = start;
    const chains = new Map<string, DomainEvent[]>();
    for (let key: string | null; end < events.length && (key = orderKey(events[end]!)) !== null; end += 1) {
      const chain = chains.get(key);
      if (chain) chain.push(events[end]!);
      else chains.set(key, [events[end]!]);
    }
    const queue = [...chains.values()];
    let failure: { error: unknown } | undefined;
    await Promise.all(
      Array.from({ length: Math.min(lanes, queue.length) }, async () => {
        for (let chain = queue.shift(); chain; chain = queue.shift()) {
          for (const event of chain) {
            try {
              await deliver(event);
              delivered.push(event);
            } catch (error) {
              failure ??= { error };
              break;
            }
          }
        }
      }),
    );
    if (failure) throw failure.error;
    start = end;
  }
}

import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { outboxTable, relayOutbox, type DomainEvent } from './outbox.ts';
import { createTestDatabase } from './testing/test-database.ts';

// Issue 16: the relay delivers several members' events at once, each member's in order, and
// an event about no one member as a barrier.
const outbox = outboxTable(pgSchema('lanes'));

describe('relaying an outbox in lanes', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase([]);
    await database.owner.execute(sql`create schema lanes`);
    await database.owner.execute(sql`create table lanes.outbox (tenant_id text not null, id uuid not null default gen_random_uuid(), topic text not null,
      payload jsonb not null, created_at timestamptz not null, delivered_at timestamptz, primary key (tenant_id, id))`);
    if (database.driver !== 'pglite') {
      await database.owner.execute(sql`grant usage on schema lanes to tongxin_system`);
      await database.owner.execute(sql`grant select, update on lanes.outbox to tongxin_system`);
    }
  });
  afterAll(() => database.close());

  /** Writes events in this order: `a1` is member a's first (`a1@u`: recorded in county u); `*` an event about no member. */
  async function write(names: string[]) {
    await database.owner.execute(sql`delete from lanes.outbox`);
    for (const [index, written] of names.entries()) {
      const [name, tenant = 't'] = written.split('@') as [string, string?];
      const payload = name.startsWith('*') ? { taskId: name } : { memberId: name[0], step: name };
      await database.owner.execute(sql`insert into lanes.outbox (tenant_id, topic, payload, created_at)
        values (${tenant}, 'probe', ${JSON.stringify(payload)}::jsonb, ${new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString()}::timestamptz)`);
    }
  }
  const nameOf = (event: DomainEvent) => ((event.payload as { step?: string; taskId?: string }).step ?? (event.payload as { taskId: string }).taskId);

  it('keeps each member’s order and every barrier’s, with members side by side', async () => {
    await write(['a1', 'b1', 'a2', 'c1', 'b2', '*1', 'a3', 'c2']);
    const seen: string[] = [];
    const delivered = await relayOutbox(database, outbox, async (event) => {
      await new Promise((resolve) => setTimeout(resolve, nameOf(event) === 'a1' ? 30 : 1)); // a1 is slow: b and c overtake it
      seen.push(nameOf(event));
    }, 100, 4);
    expect(delivered).toBe(8);
    const at = (name: string) => seen.indexOf(name);
    expect(at('a1')).toBeLessThan(at('a2'));
    expect(at('b1')).toBeLessThan(at('b2'));
    expect(at('b1')).toBeLessThan(at('a1')); // side by side, not one after the other
    for (const before of ['a2', 'b2', 'c1']) expect(at(before)).toBeLessThan(at('*1'));
    for (const after of ['a3', 'c2']) expect(at('*1')).toBeLessThan(at(after));
    const left = await database.owner.execute(sql`select count(*)::int as n from lanes.outbox where delivered_at is null`);
    expect(left.rows[0]).toEqual({ n: 0 });
  });

  it('keeps a member’s order across counties (a check-in accepted in the destination, ended at home)', async () => {
    await write(['a1@dest', 'b1', 'a2@home']);
    const seen: string[] = [];
    await relayOutbox(database, outbox, async (event) => {
      await new Promise((resolve) => setTimeout(resolve, nameOf(event) === 'a1' ? 30 : 1));
      seen.push(nameOf(event));
    }, 100, 4);
    expect(seen.indexOf('a1')).toBeLessThan(seen.indexOf('a2'));
  });

  it('after a failure the member’s later events and everything past the barrier wait; the others are marked delivered', async () => {
    await write(['a1', 'b1', 'a2', 'a3', 'b2', '*1', 'c1']);
    await expect(
      relayOutbox(database, outbox, async (event) => {
        if (nameOf(event) === 'a2') throw new Error('consumer failed');
      }, 100, 4),
    ).rejects.toThrow('consumer failed');
    const waiting = await database.owner.execute(sql`select payload from lanes.outbox where delivered_at is null order by created_at`);
    expect(waiting.rows.map((row) => nameOf({ payload: row.payload } as DomainEvent))).toEqual(['a2', 'a3', '*1', 'c1']);
  });
});

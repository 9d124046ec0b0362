import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, PooledConnection } from '../database.ts';
import { createProbeNotes } from '../testing/probe-notes.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { testEnv } from '../testing/env.ts';
import { tenantTransaction, type Scope } from '../tenant-transaction.ts';
import type { Shape } from './scoped-client.ts';

// Issue 16: on a server the scope rides with the statements. These run on the pg and the Neon
// driver passes (PGlite keeps its one transaction and has no round trips to count).
const onServer = testEnv.TEST_DB_DRIVER !== 'pglite';
const SHAPES: Shape[] = ['read', 'write', 'unit'];

/** What a connection shows outside any request: its role and whatever scope is left on it. */
const LEFT_ON_CONNECTION_TEXT = `select current_user as role, coalesce(current_setting('app.tenant_id', true), '') as tenant,
  coalesce(current_setting('app.org_ids', true), '') as orgs, coalesce(current_setting('app.tenant_wide', true), '') as wide`;


describe.runIf(onServer)('the tenant unit on a pooled server connection', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase([]);
    await createProbeNotes(database);
  });
  afterAll(() => database.close());

  /** Runs `look` on the connection a request just released (the pool hands out the last one released). */
  async function afterwards(request: () => Promise<unknown>): Promise<Record<string, unknown>> {
    await request().catch(() => undefined);
    const connection = await database.connect!();
    try {
      // The driver's own client: the scoped handle runs nothing outside a request.
      const client = (connection.scoped as unknown as { client: { query(text: string): Promise<{ rows: Record<string, unknown>[] }> } }).client;
      return (await client.query(LEFT_ON_CONNECTION_TEXT)).rows[0]!;
    } finally {
      connection.release();
    }
  }

  /** Counts round trips (ReadyForQuery messages) on the connection the next request gets. */
  async function roundTrips(work: (connection: PooledConnection) => Promise<unknown>): Promise<number> {
    const connection = await database.connect!();
    const wire = (connection.scoped as unknown as { client: { connection: NodeJS.EventEmitter } }).client.connection;
    let count = 0;
    const count1 = () => (count += 1);
    wire.on('readyForQuery', count1);
    try {
      await work(connection);
    } finally {
      wire.off('readyForQuery', count1);
      connection.release();
    }
    return count;
  }

  for (const shape of SHAPES) {
    it.skipIf(shape === 'unit')(`${shape}: every statement runs as the app role with the scope, and nothing of it is left on the connection`, async () => {
      const scope: Scope = { tenantId: 'a', userId: 'u1', orgIds: ['o1', 'o2'] };
      const seen = await tenantTransaction(
        database,
        scope,
        async (tx) => {
          const first = await tx.execute(sql`select current_user as role, current_setting('app.tenant_id', true) as tenant, current_setting('app.org_ids', true) as orgs`);
          const second = await tx.execute(sql`select body from probe.notes`);
          return [first.rows[0], second.rows];
        },
        shape,
      );
      expect(seen).toEqual([{ role: 'tongxin_app', tenant: 'a', orgs: 'o1,o2' }, [{ body: 'of a' }]]);
      const left = await afterwards(async () => undefined);
      expect(left).toMatchObject({ tenant: '', orgs: '', wide: '' });
      expect(left.role).not.toBe('tongxin_app');
    });

    it.skipIf(shape === 'unit')(`${shape}: an error in the middle leaves no scope behind, and the same statements run again on that connection`, async () => {
      // The failing statement is parsed for the first time in the failing unit: a named
      // statement that may or may not exist afterwards must not break its next use.
      const failing = (tx: Parameters<Parameters<typeof tenantTransaction>[2]>[0]) =>
        tx.execute(sql`select body, 1 / (length(body) - ${'of a'.length}) as broken from probe.notes where body = ${'of a'}`);
      const left = await afterwards(() =>
        tenantTransaction(
          database,
          { tenantId: 'a', tenantWide: true },
          async (tx) => {
            await tx.execute(sql`select body from probe.notes`);
            await failing(tx);
          },
          shape,
        ),
      );
      expect(left).toMatchObject({ tenant: '', wide: '' });
      expect(left.role).not.toBe('tongxin_app');
      // The next request on the pool: its own scope, and the failed statement's text works with other values.
      const rows = await tenantTransaction(database, { tenantId: 'b' }, (tx) => tx.execute(sql`select body, 1 / (length(body) - ${1}) as broken from probe.notes where body = ${'of b'}`), shape);
      expect(rows.rows).toEqual([{ body: 'of b', broken: 0 }]);
      const error = await tenantTransaction(database, { tenantId: 'a' }, failing, shape).catch((caught: Error) => caught);
      expect((error as Error & { cause?: { code?: string } }).cause?.code).toBe('22012'); // division_by_zero
    });

    it(`${shape}: a statement that fails to parse changes nothing, and the connection serves the next request`, async () => {
      await expect(tenantTransaction(database, { tenantId: 'a' }, (tx) => tx.execute(sql`select no_such_column from probe.notes`), shape)).rejects.toThrow(/no_such_column/);
      const rows = await tenantTransaction(database, { tenantId: 'b' }, (tx) => tx.execute(sql`select body from probe.notes`), shape);
      expect(rows.rows).toEqual([{ body: 'of b' }]);
    });
  }

  it('unit: the statements issued together go with the scope in one round trip, each seeing the ones before it; a later one is refused', async () => {
    const trips = await roundTrips(async (connection) => {
      connection.scoped.arm('unit', [database.appRole, 'a', '', '', '', '']);
      const [, seen] = await connection.db.transaction((tx) =>
        Promise.all([
          tx.execute(sql`insert into probe.notes values ('a', 'in a unit')`),
          tx.execute(sql`select current_user as role, current_setting('app.tenant_id', true) as tenant, count(*)::int as n from probe.notes where body = 'in a unit'`),
        ]),
      );
      expect(seen.rows[0]).toEqual({ role: 'tongxin_app', tenant: 'a', n: 1 });
      expect(connection.scoped.disarm()).toBeUndefined();
    });
    expect(trips).toBe(1);
    const refused = await tenantTransaction(database, { tenantId: 'a' }, async (tx) => {
      await tx.execute(sql`select 1`);
      await tx.execute(sql`select 2`);
    }, 'unit').catch((error: Error) => error);
    expect((refused as Error & { cause?: Error }).cause?.message).toMatch(/together/);
    const left = await afterwards(async () => undefined);
    expect(left).toMatchObject({ tenant: '' });
  });

  it('unit: all or nothing — a failing statement undoes the ones before it, and every caller hears the error', async () => {
    const outcomes = await tenantTransaction(database, { tenantId: 'a' }, (tx) =>
      Promise.allSettled([
        tx.execute(sql`insert into probe.notes values ('a', 'undone by the next')`),
        tx.execute(sql`insert into probe.notes values ('a', 'of a')`), // a duplicate key
      ]),
    'unit');
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    const rows = await tenantTransaction(database, { tenantId: 'a' }, (tx) => tx.execute(sql`select count(*)::int as n from probe.notes where body = 'undone by the next'`), 'read');
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it('unit: a value the driver cannot send refuses the whole unit, and the pool serves the next request', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const outcomes = await tenantTransaction(database, { tenantId: 'a' }, (tx) =>
      Promise.allSettled([
        tx.execute(sql`insert into probe.notes values ('a', 'not without the next')`),
        tx.execute(sql`select ${circular}::jsonb as value`),
      ]),
    'unit').catch((error: Error) => [{ status: 'rejected', reason: error }]);
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    const rows = await tenantTransaction(database, { tenantId: 'a' }, (tx) => tx.execute(sql`select count(*)::int as n from probe.notes where body = 'not without the next'`), 'read');
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it('unit: statements of a work that failed before they were sent are never sent', async () => {
    await expect(
      tenantTransaction(database, { tenantId: 'a' }, async (tx) => {
        void tx.execute(sql`insert into probe.notes values ('a', 'never sent')`).catch(() => undefined);
        throw new Error('failed first');
      }, 'unit'),
    ).rejects.toThrow('failed first');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const rows = await tenantTransaction(database, { tenantId: 'a' }, (tx) => tx.execute(sql`select count(*)::int as n from probe.notes where body = 'never sent'`), 'read');
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it('read: one round trip per statement, the scope included', async () => {
    const trips = await roundTrips(async (connection) => {
      connection.scoped.arm('read', [database.appRole, 'a', '', '', '', '']);
      await connection.db.transaction(async (tx) => {
        await tx.execute(sql`select body from probe.notes`);
        await tx.execute(sql`select count(*) from probe.notes`);
      });
      expect(connection.scoped.disarm()).toBeUndefined();
    });
    expect(trips).toBe(2);
  });

  it('write: N + 1 round trips for N statements (BEGIN and the scope ride with the first, COMMIT after the last), all or nothing', async () => {
    const trips = await roundTrips(async (connection) => {
      connection.scoped.arm('write', [database.appRole, 'a', '', '', '', '']);
      await connection.db.transaction(async (tx) => {
        await tx.execute(sql`insert into probe.notes values ('a', 'written')`);
        // The same transaction: the second statement sees the first's row.
        const seen = await tx.execute(sql`select count(*)::int as n from probe.notes where body = 'written'`);
        expect(seen.rows[0]).toEqual({ n: 1 });
        await tx.execute(sql`insert into probe.notes values ('a', 'written too')`);
      });
      expect(connection.scoped.disarm()).toBeUndefined();
    });
    expect(trips).toBe(4);
    await expect(
      tenantTransaction(database, { tenantId: 'a' }, async (tx) => {
        await tx.execute(sql`insert into probe.notes values ('a', 'undone')`);
        await tx.execute(sql`insert into probe.notes values ('a', 'written')`); // a duplicate key
      }),
    ).rejects.toThrow();
    const rows = await tenantTransaction(database, { tenantId: 'a' }, (tx) => tx.execute(sql`select body from probe.notes order by body`), 'read');
    expect(rows.rows.map((row) => row.body)).toEqual(['in a unit', 'of a', 'written', 'written too']); // 'in a unit': the unit test above
  });

  it('a write that sends nothing costs no round trip, and a savepoint undoes only its part', async () => {
    expect(await roundTrips(async (connection) => {
      connection.scoped.arm('write', [database.appRole, 'a', '', '', '', '']);
      await connection.db.transaction(async () => undefined);
      expect(connection.scoped.disarm()).toBeUndefined();
    })).toBe(0);
    await tenantTransaction(database, { tenantId: 'b' }, async (tx) => {
      await tx.execute(sql`insert into probe.notes values ('b', 'kept')`);
      await expect(
        tx.transaction(async (savepoint) => {
          await savepoint.execute(sql`insert into probe.notes values ('b', 'dropped')`);
          await savepoint.execute(sql`insert into probe.notes values ('b', 'of b')`); // a duplicate key
        }),
      ).rejects.toThrow();
      // Still in the transaction, still scoped.
      const seen = await tx.execute(sql`select current_user as role, current_setting('app.tenant_id', true) as tenant`);
      expect(seen.rows[0]).toEqual({ role: 'tongxin_app', tenant: 'b' });
    });
    const rows = await tenantTransaction(database, { tenantId: 'b' }, (tx) => tx.execute(sql`select body from probe.notes order by body`), 'read');
    expect(rows.rows.map((row) => row.body)).toEqual(['kept', 'of b']);
  });

  it('1,000 requests alternating between two tenants over the pool, both shapes at once: no request sees the other tenant', async () => {
    let leaks = 0;
    const request = async (index: number) => {
      const tenantId = index % 2 === 0 ? 'a' : 'b';
      const shape: Shape = index % 4 < 2 ? 'read' : 'write';
      const seen = await tenantTransaction(
        database,
        { tenantId },
        async (tx) => {
          const setting = await tx.execute(sql`select current_setting('app.tenant_id', true) as tenant`);
          const bodies = await tx.execute(sql`select tenant_id from probe.notes`);
          return [setting.rows[0]!.tenant, ...bodies.rows.map((row) => row.tenant_id)];
        },
        shape,
      );
      if (seen.some((tenant) => tenant !== tenantId)) leaks += 1;
    };
    for (let batch = 0; batch < 1000; batch += 25) await Promise.all(Array.from({ length: 25 }, (_, offset) => request(batch + offset)));
    expect(leaks).toBe(0);
  });
});

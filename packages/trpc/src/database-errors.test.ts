import { createTestDatabase } from '@tongxin/db/testing';
import type { Database } from '@tongxin/db';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asServiceError, isDatabaseUnavailable } from './database-errors.ts';

/** An error as node-postgres and the Neon driver make them: a message and a SQLSTATE. */
const dbError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('which database errors are an outage (503)', () => {
  it('a terminated backend, a shutdown, a lost or refused connection are SERVICE_UNAVAILABLE', () => {
    const outages = [
      dbError('57P01', 'terminating connection due to administrator command'),
      dbError('57P02', 'terminating connection due to crash of another server process'),
      dbError('57P03', 'the database system is starting up'),
      dbError('08006', 'connection failure'),
      dbError('53300', 'sorry, too many clients already'),
      dbError('55000', 'database "tongxin" is not currently accepting connections'),
      dbError('ECONNRESET', 'read ECONNRESET'),
      dbError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      dbError('EPIPE', 'write EPIPE'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('Failed query: select 1', { cause: dbError('57P01', 'terminating connection due to administrator command') }),
    ];
    for (const error of outages) {
      const mapped = asServiceError(error);
      expect(mapped, error.message).toBeInstanceOf(TRPCError);
      expect((mapped as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    }
  });

  it('a query the database refuses, a 55000 that is not about connections, and a protocol error from input are not an outage', () => {
    const queryErrors = [
      dbError('23505', 'duplicate key value violates unique constraint'),
      dbError('42501', 'new row violates row-level security policy'),
      dbError('55000', 'lastval is not yet defined in this session'),
      dbError('08P01', 'bind message has 4464 parameter formats but 0 parameters'),
      dbError('57014', 'canceling statement due to statement timeout'),
    ];
    for (const error of queryErrors) {
      expect(isDatabaseUnavailable(error), error.message).toBe(false);
      expect(asServiceError(error)).toBe(error);
    }
  });
});

describe.skipIf((process.env.TEST_DB_DRIVER ?? 'pglite') === 'pglite')('a protocol error from the server', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase([]);
  }, 60_000);
  afterAll(() => database?.close());

  it('more parameters than a query may carry is a failed query, not an outage, and the database still answers', async () => {
    const values = Array.from({ length: 70_000 }, (_, i) => sql`${`v${i}`}`);
    const caught = await database.owner.execute(sql`select 1 where 'x' in (${sql.join(values, sql`, `)})`).then(
      () => null,
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(caught)).toBe(false);
    expect((await database.owner.execute(sql`select 1 as n`)).rows).toEqual([{ n: 1 }]);
  }, 60_000);
});

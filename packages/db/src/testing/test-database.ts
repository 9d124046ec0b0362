import { randomBytes } from 'node:crypto';
import pg from 'pg';
import ws from 'ws';
import type { Database } from '../database.ts';
import { migrateAll, type ServiceMigrations } from '../migrate.ts';
import { openDatabase } from '../open-database.ts';
import { testEnv } from './env.ts';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on
 * the PostgreSQL server (dropped on close) reached through the driver under test.
 */
export async function createTestDatabase(services: readonly ServiceMigrations[]): Promise<Database> {
  const driver = testEnv.TEST_DB_DRIVER;
  if (driver === 'pglite') {
    const database = await openDatabase();
    await migrateAll(database, services);
    return database;
  }
  const adminUrl = testEnv.DATABASE_URL;
  if (!adminUrl) throw new Error(`TEST_DB_DRIVER=${driver} needs DATABASE_URL`);
  const name = `tongxin_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({
    url: url.toString(),
    driver: driver === 'pg' ? 'pg' : 'neon',
    neonWsProxy: testEnv.NEON_WS_PROXY,
    webSocket: ws,
  });
  await migrateAll(database, services);
  return {
    ...database,
    close: async () => {
      await database.close();
      // A pool's end() can resolve before the server has seen its sockets close; dropping
      // "with (force)" then kills them and the driver reports it as an uncaught error.
      await waitForNoSessions(adminUrl, name);
      await admin(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function waitForNoSessions(url: string, name: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

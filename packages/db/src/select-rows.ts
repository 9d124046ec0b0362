import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './database.ts';

/**
 * The rows of a raw SQL query, as the type the caller names: the one place a raw row gets a
 * type (drivers return `Record<string, unknown>`). The query's column aliases must match the
 * type's keys (`select id, name as "orgName"`); numbers that PostgreSQL returns as text
 * (bigint, numeric) are the caller's to convert.
 */
export async function selectRows<T extends object>(db: Tx | Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as unknown as T[];
}

/** The first row of a raw SQL query, or undefined. */
export async function selectRow<T extends object>(db: Tx | Db, query: SQL): Promise<T | undefined> {
  return (await selectRows<T>(db, query))[0];
}

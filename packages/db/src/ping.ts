import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';

/** A real round trip, for health checks; rejects when the database cannot be reached. */
export async function ping(database: Database, timeoutMs = 2000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database did not answer in time')), timeoutMs);
  });
  try {
    await Promise.race([database.owner.execute(sql`select 1`), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './database.ts';
import { selectRows } from './select-rows.ts';

/** A limit on hits (failures, messages) against one key. */
export interface Limit {
  /** Hits allowed in one window. */
  max: number;
  windowMs: number;
  /** How long the subject stays refused once over the limit. */
  lockMs: number;
}

/**
 * The throttles a service keeps against guessing and flooding (identity's public pages and
 * messages, reporting's check-in links): a table of `(tenant_id, key)` with `count`,
 * `window_started_at` and `locked_until`, in the service's own schema. The one home of the
 * counting rule, bound to a service's table.
 */
export function throttleStore(table: PgTable) {
  /** True while `key` is locked; no key, no limit. */
  async function isThrottled(tx: Tx, tenantId: string, key: string | null, now: Date): Promise<boolean> {
    if (!key) return false;
    const [row] = await selectRows<{ locked: boolean }>(tx, sql`
      select locked_until > ${now.toISOString()}::timestamptz as locked from ${table} where tenant_id = ${tenantId} and key = ${key}`);
    return row?.locked === true;
  }

  /**
   * Counts one hit against `key` in one statement, so concurrent hits cannot both slip under
   * the limit. Returns true when this hit went over it (the key is now locked for `lockMs`).
   */
  async function countHit(tx: Tx, tenantId: string, key: string | null, limit: Limit, now: Date): Promise<boolean> {
    if (!key) return false;
    const at = sql`${now.toISOString()}::timestamptz`;
    const windowStart = sql`${new Date(now.getTime() - limit.windowMs).toISOString()}::timestamptz`;
    const [row] = await selectRows<{ count: number }>(tx, sql`
      insert into ${table} as t (tenant_id, key, count, window_started_at) values (${tenantId}, ${key}, 1, ${at})
      on conflict (tenant_id, key) do update set
        count = case when t.window_started_at < ${windowStart} then 1 else t.count + 1 end,
        window_started_at = case when t.window_started_at < ${windowStart} then ${at} else t.window_started_at end
      returning count`);
    if (Number(row?.count ?? 0) <= limit.max) return false;
    await tx.execute(sql`update ${table} set locked_until = ${new Date(now.getTime() + limit.lockMs).toISOString()}::timestamptz, count = 0, window_started_at = ${at}
      where tenant_id = ${tenantId} and key = ${key}`);
    return true;
  }

  return { isThrottled, countHit };
}

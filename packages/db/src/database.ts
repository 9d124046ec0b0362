import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ScopedClient } from './unit/scoped-client.ts';

/** Every driver we use returns `{ rows }` from `execute`. */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: { rows: Record<string, unknown>[] };
}

/** A drizzle handle; the same type for PGlite, the Neon driver and node-postgres. */
export type Db = PgDatabase<RowsResultHKT, Record<string, never>>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DriverName = 'pglite' | 'neon' | 'pg';

/**
 * An open database. `owner` connects as the schema owner and is only for migrations and
 * role setup; `system` is for system work across tenants (outbox relay, seeding, daily
 * jobs); request code reaches rows through `tenantTransaction`.
 */
export interface Database {
  readonly driver: DriverName;
  /** What health reports: the embedded PGlite or a PostgreSQL server. */
  readonly kind: 'pglite' | 'postgres';
  readonly owner: Db;
  /**
   * System work across tenants, as `tongxin_system` (BYPASSRLS, not a superuser): forced RLS
   * binds an owner that is not a superuser (as on Neon), so the owner itself would see no
   * rows. On servers a small pool of its own whose connections `set role` when they open;
   * on PGlite the owner handle itself (see open-database.ts).
   */
  readonly system: Db;
  /** The non-owner role that request code runs as (`SET LOCAL ROLE`). */
  readonly appRole: string;
  /**
   * For pooled server drivers: a dedicated connection, so the scope can ride with the
   * request's statements (tenant-transaction.ts). PGlite has no pool and no round trips.
   */
  readonly connect?: () => Promise<PooledConnection>;
  /**
   * LISTEN on `channel` where the driver keeps a connection open for it (PGlite, node-postgres);
   * absent on the Neon driver, whose callers poll. Answers the way to stop listening.
   */
  readonly listen?: (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const APP_ROLE = 'tongxin_app';
/** The cluster role system work and the SECURITY DEFINER functions run as (roles.ts). */
export const SYSTEM_ROLE = 'tongxin_system';

export interface PooledConnection {
  /** What the drizzle handle runs on: armed with a scope for one request (unit/scoped-client.ts). */
  scoped: ScopedClient;
  /** A drizzle handle on this connection. */
  db: Db;
  release(error?: Error): void;
}

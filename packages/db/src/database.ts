import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

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
   * For pooled server drivers: a dedicated connection, so a transaction can open with
   * `begin` and its settings in one round trip. PGlite has no pool and no round trips.
   */
  readonly connect?: () => Promise<PooledConnection>;
  close(): Promise<void>;
}

export const APP_ROLE = 'tongxin_app';
/** The cluster role system work and the SECURITY DEFINER functions run as (roles.ts). */
export const SYSTEM_ROLE = 'tongxin_system';

export interface PooledConnection {
  /** A simple-protocol query (several statements allowed, no parameters). */
  simpleQuery(text: string): Promise<void>;
  escapeLiteral(value: string): string;
  /** A drizzle handle on this connection. */
  db: Db;
  release(error?: Error): void;
}

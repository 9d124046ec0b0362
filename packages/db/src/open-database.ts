import { Pool as NeonPool, neonConfig } from '@neondatabase/serverless';
import { drizzle as drizzleNeon } from 'drizzle-orm/neon-serverless';
import type { PoolClient as PgPoolClient } from 'pg';
import { APP_ROLE, SYSTEM_ROLE, type Database, type Db, type DriverName, type PooledConnection } from './database.ts';
import { ScopedClient } from './unit/scoped-client.ts';

// Only the Neon driver is imported eagerly: it is the one that runs on edge runtimes. PGlite
// and node-postgres (Node only) are loaded when their branch runs, so an edge bundle can mark
// `@electric-sql/pglite`, `pg`, `drizzle-orm/pglite` and `drizzle-orm/node-postgres` external
// and never reach them (infra/edge).

export interface OpenDatabaseOptions {
  /** postgres://… ; unset → embedded PGlite. */
  url?: string | undefined;
  /** PGlite data folder; unset → in memory (tests). */
  dataDir?: string | undefined;
  /** For a server: `neon` (default, the edge-capable driver) or `pg` (node-postgres, on-prem Node). */
  driver?: 'neon' | 'pg' | undefined;
  /** host:port/v2 of a WebSocket-to-TCP proxy, for the Neon driver against a plain PostgreSQL. */
  neonWsProxy?: string | undefined;
  /** Neon's WebSocket constructor; required on Node (the `ws` package), absent on edge runtimes. */
  webSocket?: unknown;
  maxConnections?: number | undefined;
  /** Connections of the system pool (relay, seeding, jobs); default 3. */
  systemConnections?: number | undefined;
  appRole?: string | undefined;
  /**
   * Commits that do not wait for the disk (`synchronous_commit = off`), for the outbox relay's
   * own pools (issue 16: its consumers' commits waited on WAL flushes one by one, and the
   * relay fell short of 400 events a second). Safe for work that is redone until marked done:
   * the WAL is written in order, so when the outbox's mark (a later commit) survives a crash,
   * every consumer commit before it survives too; when it is lost, the event is delivered again
   * and each consumer's processed_events says what it already holds.
   */
  asyncCommit?: boolean | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const appRole = options.appRole ?? APP_ROLE;
  if (!options.url) {
    const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
    const client = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
    const owner = drizzlePglite({ client }) as unknown as Db;
    // PGlite has one connection, where `set role` would last for the whole session, request
    // transactions included; and its user is always the superuser `postgres`, which forced RLS
    // does not bind. So system work runs on the owner handle here.
    const listen = (channel: string, onNotify: (payload: string) => void) => client.listen(channel, onNotify).then((stop) => () => stop());
    return { driver: 'pglite', kind: 'pglite', appRole, owner, system: owner, listen, close: () => client.close() };
  }
  const max = options.maxConnections ?? 10;
  const systemMax = options.systemConnections ?? 3;
  if (options.driver === 'pg') {
    const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
    const pool = new pg.Pool({ connectionString: options.url, max, ...(options.asyncCommit ? { onConnect: commitAsync } : {}) });
    const systemPool = new pg.Pool({ connectionString: options.url, max: systemMax, onConnect: options.asyncCommit ? actAsSystemCommittingAsync : actAsSystem });
    const database = server('pg', pool, systemPool, (client) => drizzlePg({ client: client as unknown as PgPoolClient }) as unknown as Db, (p) => drizzlePg({ client: p }) as unknown as Db, appRole);
    const url = options.url;
    return { ...database, listen: (channel, onNotify) => listenOn(() => new pg.Client({ connectionString: url }), channel, onNotify) };
  }
  configureNeon(options);
  // The Neon driver bundles the same pg-pool, onConnect included; its types omit it.
  type NeonPoolConfig = ConstructorParameters<typeof NeonPool>[0];
  const pool = new NeonPool({ connectionString: options.url, max, ...(options.asyncCommit ? { onConnect: commitAsync } : {}) } as NeonPoolConfig);
  const systemPool = new NeonPool({ connectionString: options.url, max: systemMax, onConnect: options.asyncCommit ? actAsSystemCommittingAsync : actAsSystem } as NeonPoolConfig);
  return server('neon', pool, systemPool, (client) => drizzleNeon({ client: client as unknown as NeonPool }) as unknown as Db, (p) => drizzleNeon({ client: p }) as unknown as Db, appRole);
}

/** What node-postgres' and the Neon driver's pools have in common. */
interface PgLikeClient {
  query(config: unknown, values?: unknown): unknown;
  release(error?: Error | boolean): void;
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
}
interface PgLikePool<C> {
  connect(): Promise<C>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
  on(event: 'connect', listener: (client: C) => void): unknown;
}

function server<P extends PgLikePool<C>, C extends PgLikeClient>(
  driver: DriverName,
  pool: P,
  systemPool: P,
  wrap: (client: ScopedClient) => Db,
  drizzlePool: (pool: P) => Db,
  appRole: string,
): Database {
  const lost = new WeakMap<C, Error>();
  survive(pool, lost);
  survive(systemPool, lost);
  // One scoped client and drizzle handle per pooled connection, made once: connections are reused.
  const handles = new WeakMap<C, { scoped: ScopedClient; db: Db }>();
  const connect = async (): Promise<PooledConnection> => {
    const client = await pool.connect();
    let handle = handles.get(client);
    if (!handle) {
      const scoped = new ScopedClient(client);
      handles.set(client, (handle = { scoped, db: wrap(scoped) }));
    }
    return {
      ...handle,
      // A connection that was lost goes back as broken, whatever the caller saw.
      release: (error) => client.release(error ?? lost.get(client)),
    };
  };
  return {
    driver,
    kind: 'postgres',
    appRole,
    owner: drizzlePool(pool),
    system: drizzlePool(systemPool),
    connect,
    close: async () => void (await Promise.all([pool.end(), systemPool.end()])),
  };
}

/**
 * A connection the server drops (a failover, an admin, a restart) is an 'error' event: on
 * the pool while the connection is idle, on the client while a request holds it. Either
 * one unhandled takes the whole process down, so both have a listener. The request that
 * held the connection fails with the error of its query (the caller answers 503), the
 * connection is released as broken, and the pool opens a new one for the next request.
 */
function survive<C extends PgLikeClient>(pool: PgLikePool<C>, lost: WeakMap<C, Error>) {
  pool.on('error', (error) => console.error(`[db] an idle connection was lost: ${error.code ?? error.message}`));
  pool.on('connect', (client) =>
    client.on('error', (error) => {
      if (!lost.has(client)) console.error(`[db] a connection in use was lost: ${error.code ?? error.message}`);
      lost.set(client, error);
    }),
  );
}

interface ListeningClient {
  connect(): Promise<unknown>;
  query(text: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error' | 'end', listener: () => void): unknown;
  end(): Promise<void>;
}

/**
 * A connection of its own that LISTENs (a pool's connections come and go). When it is lost it
 * is opened again a second later; until then the listener's caller has its poll.
 */
async function listenOn(open: () => ListeningClient, channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
  let client: ListeningClient | undefined;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = async () => {
    const next = open();
    let lost = false;
    const reopen = () => {
      if (lost || stopped) return;
      lost = true;
      client = undefined;
      retry = setTimeout(() => void connect().catch(reopen), 1000);
    };
    next.on('error', reopen);
    next.on('end', reopen);
    next.on('notification', (message) => message.channel === channel && onNotify(message.payload ?? ''));
    try {
      await next.connect();
      await next.query(`listen ${channel.replace(/[^a-z_]/g, '')}`);
    } catch (error) {
      reopen();
      throw error;
    }
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

/**
 * A system connection acts as `tongxin_system` for its whole life. pg-pool awaits `onConnect`
 * before it hands a new connection out, and ends the connection and fails the checkout when
 * it rejects (the role dropped, the owner's membership revoked since start-up): nothing runs
 * as the login owner by mistake.
 */
async function actAsSystem(client: { query(text: string): Promise<unknown> }): Promise<void> {
  await client.query(`set role ${SYSTEM_ROLE}`);
}

/** `asyncCommit`: for the connection's whole life (the relay's pools serve nothing else). */
async function commitAsync(client: { query(text: string): Promise<unknown> }): Promise<void> {
  await client.query('set synchronous_commit = off');
}

async function actAsSystemCommittingAsync(client: { query(text: string): Promise<unknown> }): Promise<void> {
  await actAsSystem(client);
  await commitAsync(client);
}

function configureNeon(options: OpenDatabaseOptions) {
  if (options.webSocket) neonConfig.webSocketConstructor = options.webSocket as typeof WebSocket;
  if (options.neonWsProxy) {
    const proxy = options.neonWsProxy;
    // The driver asks for host:port; the proxy needs it in the query (Neon's wsproxy convention).
    neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
    // Measured (design.md, probed facts): coalescing writes halves throughput through a local proxy.
    neonConfig.coalesceWrites = false;
  }
}

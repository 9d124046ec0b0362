import { openDatabase, type Database } from '@tongxin/db';
import { proxyAddressOf, startWsProxyThread, type WsProxy } from '@tongxin/ws-proxy';
import ws from 'ws';
import { env } from './env.ts';

/**
 * The database the environment names: PGlite in DATA_DIR when DATABASE_URL is unset;
 * otherwise the Neon driver (through our WebSocket proxy, started here unless NEON_WS_PROXY
 * names one) or node-postgres with DATABASE_DRIVER=pg.
 *
 * With `relay`, on a server the outbox relay gets pools of its own (`relayDatabase`): its consumers queued
 * behind the requests for the request pool's connections, so under a sustained load (c=50) every
 * event waited seconds although the relay kept up (issue 16, event-lag). PGlite has one
 * connection: the relay shares the database.
 */
export async function openConfiguredDatabase(options: { relay?: boolean } = {}): Promise<{ database: Database; relayDatabase: Database; proxy: WsProxy | null }> {
  if (!env.DATABASE_URL) {
    const database = await openDatabase({ dataDir: env.DATA_DIR });
    return { database, relayDatabase: database, proxy: null };
  }
  let proxy: WsProxy | null = null;
  let neonWsProxy = env.NEON_WS_PROXY;
  if (env.DATABASE_DRIVER === 'neon' && !neonWsProxy) {
    proxy = await startWsProxyThread({ allow: [proxyAddressOf(env.DATABASE_URL)] });
    neonWsProxy = `127.0.0.1:${proxy.port}/v2`;
  }
  const server = { url: env.DATABASE_URL, driver: env.DATABASE_DRIVER, neonWsProxy, webSocket: ws };
  const database = await openDatabase(server);
  // Its commits do not wait for the disk: what a crash loses is delivered again (open-database.ts, asyncCommit).
  const relayDatabase = options.relay ? await openDatabase({ ...server, maxConnections: RELAY_CONNECTIONS, systemConnections: 1, asyncCommit: true }) : database;
  return { database, relayDatabase, proxy };
}

/** The relay's lanes (relays.ts) and a little room for a consumer's second transaction. */
const RELAY_CONNECTIONS = 10;

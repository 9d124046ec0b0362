import { openDatabase, type Database } from '@tongxin/db';
import { proxyAddressOf, startWsProxy, type WsProxy } from '@tongxin/ws-proxy';
import ws from 'ws';
import { env } from './env.ts';

/**
 * The database the environment names: PGlite in DATA_DIR when DATABASE_URL is unset;
 * otherwise the Neon driver (through our WebSocket proxy, started here unless NEON_WS_PROXY
 * names one) or node-postgres with DATABASE_DRIVER=pg.
 */
export async function openConfiguredDatabase(): Promise<{ database: Database; proxy: WsProxy | null }> {
  if (!env.DATABASE_URL) return { database: await openDatabase({ dataDir: env.DATA_DIR }), proxy: null };
  let proxy: WsProxy | null = null;
  let neonWsProxy = env.NEON_WS_PROXY;
  if (env.DATABASE_DRIVER === 'neon' && !neonWsProxy) {
    proxy = await startWsProxy({ allow: [proxyAddressOf(env.DATABASE_URL)] });
    neonWsProxy = `127.0.0.1:${proxy.port}/v2`;
  }
  const database = await openDatabase({ url: env.DATABASE_URL, driver: env.DATABASE_DRIVER, neonWsProxy, webSocket: ws });
  return { database, proxy };
}

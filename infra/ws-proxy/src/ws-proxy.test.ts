import { Pool, neonConfig } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import ws from 'ws';
import { proxyAddressOf, startWsProxy, type WsProxy } from './ws-proxy.ts';
import { startWsProxyThread } from './ws-proxy-thread.ts';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('the WebSocket-to-TCP proxy', () => {
  let proxy: WsProxy;
  beforeAll(async () => {
    proxy = await startWsProxy({ allow: [proxyAddressOf(url!)] });
    neonConfig.webSocketConstructor = ws;
    neonConfig.wsProxy = (host, port) => `127.0.0.1:${proxy.port}/v2?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  });
  afterAll(() => proxy.close());

  it('carries the Neon driver to a plain PostgreSQL and back', async () => {
    const pool = new Pool({ connectionString: url });
    const { rows } = await pool.query('select $1::int + 1 as answer', [41]);
    await pool.end();
    expect(rows[0].answer).toBe(42);
  });

  it('refuses an address that is not allowed', async () => {
    const socket = new ws(`ws://127.0.0.1:${proxy.port}/v2?address=127.0.0.1:22`);
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(1008);
  });
});

describe.skipIf(!url)('the proxy on a thread of its own (the server starts it so)', () => {
  it('carries the Neon driver to PostgreSQL and back, and refuses other addresses', async () => {
    const proxy = await startWsProxyThread({ allow: [proxyAddressOf(url!)] });
    try {
      neonConfig.wsProxy = (host, port) => `127.0.0.1:${proxy.port}/v2?address=${host}:${port}`;
      const pool = new Pool({ connectionString: url });
      const { rows } = await pool.query('select $1::int * 2 as answer', [21]);
      await pool.end();
      expect(rows[0].answer).toBe(42);
      const socket = new ws(`ws://127.0.0.1:${proxy.port}/v2?address=127.0.0.1:22`);
      expect(await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)))).toBe(1008);
      // A malformed frame (a client's, unmasked) on a refused socket closes that socket only:
      // it once killed the thread, and every later connection was refused with nothing logged.
      await malformedFrame(proxy.port);
      const again = new Pool({ connectionString: url });
      expect((await again.query('select 1 as one')).rows[0].one).toBe(1);
      await again.end();
    } finally {
      await proxy.close();
    }
  });
});

/** Upgrades a raw socket to a refused address, then sends a frame without the client's mask. */
async function malformedFrame(port: number) {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`GET /v2?address=10.0.0.1:5432 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  await new Promise((resolve) => socket.once('data', resolve));
  socket.write(Buffer.from([0x81, 0x02, 0x68, 0x69]));
  await new Promise((resolve) => socket.once('close', resolve));
}

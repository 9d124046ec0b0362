import { createConnection } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The WebSocket-to-TCP bridge the Neon serverless driver speaks to (`/v2?address=host:port`),
 * so the edge driver can reach a plain PostgreSQL in development, tests and on-prem.
 * Neon's own proxy is a Go binary we cannot install here; this is the ~30 lines it needs.
 * Only addresses in `allow` are reachable: the proxy must not become an open relay.
 */
export interface WsProxy {
  port: number;
  close(): Promise<void>;
}

export function startWsProxy(options: { allow: readonly string[]; port?: number; host?: string }): Promise<WsProxy> {
  const server = new WebSocketServer({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  server.on('connection', (socket, request) => {
    // A malformed frame is the socket's error, never the process's (or the proxy thread's).
    socket.on('error', () => socket.terminate());
    const address = new URL(request.url ?? '/', 'ws://proxy').searchParams.get('address') ?? '';
    if (!options.allow.includes(address)) return socket.close(1008, 'address not allowed');
    bridge(socket, address);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.on('error', (error) => console.error('ws-proxy:', error.message));
      const port = (server.address() as { port: number }).port;
      resolve({ port, close: () => new Promise((done) => { for (const c of server.clients) c.terminate(); server.close(() => done()); }) });
    });
  });
}

function bridge(socket: WebSocket, address: string) {
  const [host, port] = splitAddress(address);
  const tcp = createConnection({ host, port });
  tcp.setNoDelay(true);
  socket.on('message', (data: Buffer) => tcp.write(data));
  tcp.on('data', (data) => socket.send(data));
  socket.on('close', () => tcp.end());
  socket.on('error', () => tcp.destroy());
  tcp.on('close', () => socket.close());
  tcp.on('error', () => socket.close(1011, 'database connection failed'));
}

function splitAddress(address: string): [string, number] {
  const colon = address.lastIndexOf(':');
  return colon < 0 ? [address, 5432] : [address.slice(0, colon), Number(address.slice(colon + 1))];
}

/** The `host:port` a postgres:// URL points at, as the driver will ask the proxy for it. */
export function proxyAddressOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || '5432'}`;
}

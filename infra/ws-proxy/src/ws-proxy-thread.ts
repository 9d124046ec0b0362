import { Worker } from 'node:worker_threads';
import type { WsProxy } from './ws-proxy.ts';

/**
 * The proxy on a thread of its own. Started in the server's process, every round trip of the
 * Neon driver crossed the server's event loop three more times (the driver's frame, the
 * proxy's unmasking and TCP write, the answer back as a frame), between the requests it was
 * answering; Neon's own proxy is another machine. A thread that dies is logged and started
 * again on its port (the driver's address names it): the database must not become silently
 * unreachable while PostgreSQL is fine.
 */
export async function startWsProxyThread(options: { allow: readonly string[]; port?: number; host?: string }): Promise<WsProxy> {
  let closing = false;
  let current: Worker | undefined;
  const spawn = (port: number | undefined) =>
    new Promise<number>((resolve, reject) => {
      const thread = new Worker(new URL('./ws-proxy-worker.mjs', import.meta.url), { workerData: { ...options, port } });
      thread.on('error', (error) => console.error(`ws-proxy thread failed: ${error.message}`));
      // Before it listens, an exit fails the start; after, it is restarted (below).
      thread.once('exit', (code) => reject(new Error(`the proxy's thread exited (${code})`)));
      thread.once('message', ({ port: listening }: { port: number }) => {
        // The thread must not keep a stopping server alive.
        thread.unref();
        current = thread;
        thread.once('exit', (code) => {
          if (closing) return;
          console.error(`ws-proxy thread exited (${code}): starting it again on port ${listening}`);
          setTimeout(() => spawn(listening).catch((error: Error) => console.error(`ws-proxy: ${error.message}`)), 100);
        });
        resolve(listening);
      });
    });
  const port = await spawn(options.port);
  return {
    port,
    close: async () => {
      closing = true;
      await current?.terminate();
    },
  };
}

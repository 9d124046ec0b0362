import { Worker } from 'node:worker_threads';
import type { WsProxy } from './ws-proxy.ts';

/**
 * The proxy on a thread of its own. Started in the server's process, every round trip of the
 * Neon driver crossed the server's event loop three more times (the driver's frame, the
 * proxy's unmasking and TCP write, the answer back as a frame), between the requests it was
 * answering; Neon's own proxy is another machine.
 */
export function startWsProxyThread(options: { allow: readonly string[]; port?: number; host?: string }): Promise<WsProxy> {
  const worker = new Worker(new URL('./ws-proxy-worker.mjs', import.meta.url), { workerData: options });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the proxy's thread exited (${code})`)));
    worker.once('message', ({ port }: { port: number }) => {
      // The thread must not keep a stopping server alive.
      worker.unref();
      resolve({ port, close: async () => void (await worker.terminate()) });
    });
  });
}

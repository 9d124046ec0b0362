// The proxy's thread (ws-proxy-thread.ts). Plain JavaScript, which a worker loads by itself;
// it loads the proxy's TypeScript through tsx, as the server does.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { startWsProxy } = await tsImport('./ws-proxy.ts', import.meta.url);
const proxy = await startWsProxy(workerData);
parentPort.postMessage({ port: proxy.port });

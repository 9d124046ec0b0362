import http from 'node:http';

/**
 * A keep-alive HTTP GET with node:http. The benchmark client shares the machine's two cores
 * with the server and PostgreSQL; fetch (undici) costs several times more CPU per request
 * than this, which the "full stack" side would otherwise pay for the client.
 */
export function createHttpGetter(base: string, concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (path: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      http
        .get(base + path, { agent, headers }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        })
        .on('error', reject);
    });
  return { get, close: () => agent.destroy() };
}

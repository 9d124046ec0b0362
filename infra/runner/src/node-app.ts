import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { htmlContentSecurityPolicy } from './content-security-policy/index.ts';
import { createPlatformApp } from './platform-app.ts';

const builtFrontends = fileURLToPath(new URL('../../../frontends', import.meta.url));
const REMOTES = ['member', 'secretary', 'department', 'operator'] as const;
const defaultRemotes = REMOTES.map((name) => ({ name, url: `/remotes/${name}/remoteEntry.js` }));

type Remote = { name: string; url: string };

/**
 * The platform app plus what a Node host serves: the shell, the remotes, and
 * `/remotes.json`, read from the data folder on every request so that editing it and
 * reloading switches a remote (issue 4). Every HTML answer carries the Content-Security-Policy,
 * which allows the remotes' origins as listed there (issue 13).
 * `frontends` (the folder of the built frontends) is for tests.
 */
export function createNodeApp(options: { dataDir: string; frontends?: string }) {
  const frontends = options.frontends ?? builtFrontends;
  const app = createPlatformApp();
  const remotesFile = join(options.dataDir, 'remotes.json');

  async function readRemotes(): Promise<Remote[]> {
    try {
      const listed = JSON.parse(await readFile(remotesFile, 'utf8')) as Remote[];
      // A data folder from before a remote existed still gets it (issue 12 added `operator`).
      return [...listed, ...defaultRemotes.filter((remote) => !listed.some((entry) => entry.name === remote.name))];
    } catch {
      await writeFile(remotesFile, JSON.stringify(defaultRemotes, null, 2)).catch(() => undefined);
      return defaultRemotes;
    }
  }

  app.use('*', htmlContentSecurityPolicy({ remoteUrls: async () => (await readRemotes()).map((remote) => String(remote.url)) }));
  // An API path no service answers is the API's JSON 404 (platform-app.ts), whatever the
  // method, never the shell's page below.
  app.all('/api/*', (c) => c.notFound());
  app.get('/remotes.json', async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(await readRemotes());
  });
  for (const name of REMOTES) {
    app.use(`/remotes/${name}/*`, serveStatic({ root: join(frontends, name, 'dist'), rewriteRequestPath: (p) => p.replace(`/remotes/${name}`, '') }));
  }
  const shell = join(frontends, 'shell', 'dist');
  app.use('/assets/*', serveStatic({ root: shell }));
  app.use('*', serveStatic({ root: shell }));
  // The shell owns client-side routes (/member, /login, …): unknown non-API paths get its page.
  app.get('*', serveStatic({ root: shell, rewriteRequestPath: () => '/index.html' }));
  return app;
}

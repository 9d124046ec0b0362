import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { createPlatformApp } from './platform-app.ts';

const frontends = fileURLToPath(new URL('../../../frontends', import.meta.url));
const REMOTES = ['member', 'secretary', 'department', 'operator'] as const;
const defaultRemotes = REMOTES.map((name) => ({ name, url: `/remotes/${name}/remoteEntry.js` }));

/**
 * The platform app plus what a Node host serves: the shell, the remotes, and
 * `/remotes.json`, read from the data folder on every request so that editing it and
 * reloading switches a remote (issue 4).
 */
export function createNodeApp(options: { dataDir: string }) {
  const app = createPlatformApp();
  const remotesFile = join(options.dataDir, 'remotes.json');
  app.get('/remotes.json', async (c) => {
    c.header('cache-control', 'no-store');
    try {
      const listed = JSON.parse(await readFile(remotesFile, 'utf8')) as { name: string; url: string }[];
      // A data folder from before a remote existed still gets it (issue 12 added `operator`).
      return c.json([...listed, ...defaultRemotes.filter((remote) => !listed.some((entry) => entry.name === remote.name))]);
    } catch {
      await writeFile(remotesFile, JSON.stringify(defaultRemotes, null, 2)).catch(() => undefined);
      return c.json(defaultRemotes);
    }
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

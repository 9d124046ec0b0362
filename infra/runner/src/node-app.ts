import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { htmlContentSecurityPolicy } from './content-security-policy/index.ts';
import { createPlatformApp } from './platform-app.ts';
import { staticCaching } from './static-caching/index.ts';

const builtFrontends = fileURLToPath(new URL('../../../frontends', import.meta.url));
const REMOTES = ['member', 'secretary', 'department', 'operator'] as const;
/**
 * How each remote of this build is built (frontends/README.md): the member's as a plain ES
 * module (no federation runtime on its first load, issue 18), the others as federation
 * containers.
 */
const FORMATS: Record<string, 'esm' | 'federation'> = { member: 'esm', secretary: 'federation', department: 'federation', operator: 'federation' };
const defaultRemotes = REMOTES.map((name) => ({ name, url: `/remotes/${name}/remoteEntry.js`, format: FORMATS[name] }));

type Remote = { name: string; url: string; format?: string };

/**
 * The platform app plus what a Node host serves: the shell, the remotes, and
 * `/remotes.json`, read from the data folder on every request so that editing it and
 * reloading switches a remote (issue 4). Every HTML answer carries the Content-Security-Policy,
 * which allows the remotes' origins as listed there (issue 13). Built files go out precompressed
 * (brotli or gzip, written by the build: `@tongxin/ui/precompress`) by the request's
 * Accept-Encoding, hashed ones cached for a year, the rest revalidated (issue 18).
 * `frontends` (the folder of the built frontends) is for tests.
 */
export function createNodeApp(options: { dataDir: string; frontends?: string }) {
  const frontends = options.frontends ?? builtFrontends;
  const app = createPlatformApp();
  const remotesFile = join(options.dataDir, 'remotes.json');

  async function readRemotes(): Promise<Remote[]> {
    try {
      const listed = (JSON.parse(await readFile(remotesFile, 'utf8')) as Remote[]).map((remote) => ({
        ...remote,
        // An entry that does not say how its remote is built (a data folder from before issue
        // 18, a hand edit) is built as this build's remote of that name.
        format: remote.format ?? FORMATS[remote.name] ?? 'federation',
      }));
      // A data folder from before a remote existed still gets it (issue 12 added `operator`).
      return [...listed, ...defaultRemotes.filter((remote) => !listed.some((entry) => entry.name === remote.name))];
    } catch {
      await writeFile(remotesFile, JSON.stringify(defaultRemotes, null, 2)).catch(() => undefined);
      return defaultRemotes;
    }
  }

  app.use('*', staticCaching());
  app.use('*', htmlContentSecurityPolicy({ remoteUrls: async () => (await readRemotes()).map((remote) => String(remote.url)) }));
  // An API path no service answers is the API's JSON 404 (platform-app.ts), whatever the
  // method, never the shell's page below.
  app.all('/api/*', (c) => c.notFound());
  // Revalidated on every use (no-cache, staticCaching): the member's service worker keeps a
  // copy for offline use, so it must be storable.
  app.get('/remotes.json', async (c) => c.json(await readRemotes()));
  // A remote built without `@tongxin/ui/precompress` (its vite.config.ts not yet updated) is
  // still compressed, by gzip as it goes out.
  app.use('/remotes/*', compress());
  for (const name of REMOTES) {
    app.use(`/remotes/${name}/*`, serveStatic({ root: join(frontends, name, 'dist'), precompressed: true, rewriteRequestPath: (p) => p.replace(`/remotes/${name}`, '') }));
  }
  // The member's service worker (frontends/service-worker), at the root for the scope `/`.
  app.get('/sw.js', serveStatic({ path: join(frontends, 'service-worker', 'dist', 'sw.js'), precompressed: true }));
  const shell = join(frontends, 'shell', 'dist');
  app.use('/assets/*', serveStatic({ root: shell, precompressed: true }));
  // A chunk of another build (an old page after a deploy asking for its chunks) is a 404, never
  // the shell's page: a script answered with HTML fails with a confusing MIME error, and a
  // service worker must not cache it as the chunk.
  app.get('/assets/*', (c) => c.text('Not Found', 404));
  app.get('/remotes/*', (c) => c.text('Not Found', 404));
  app.use('*', serveStatic({ root: shell, precompressed: true }));
  // The shell owns client-side routes (/member, /login, …): unknown non-API paths get its page.
  app.get('*', serveStatic({ root: shell, precompressed: true, rewriteRequestPath: () => '/index.html' }));
  return app;
}

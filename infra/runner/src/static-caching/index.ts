import type { MiddlewareHandler } from 'hono';

/**
 * A file whose name carries its content's hash (Vite's `name-<hash>.js` under `assets/`, the
 * federation plugin's `mf-entry-bootstrap-0-<hash>.js`): a new build gives new content a new
 * name, so the browser may keep it for a year without asking again.
 */
const HASHED = /\/assets\/[^/]*-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/** The caching a built file is served with (issue 18). */
export function cacheControlFor(path: string): string {
  // Everything else (index.html, remotes.json, a remote's remoteEntry.js, the service worker,
  // the manifest) names the current build: the browser revalidates it on every use, so a
  // deploy is picked up on the next visit.
  return HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Caching headers for the built frontends (not the API, which says its own): hashed assets
 * immutable, the rest `no-cache`. Only on an answer that found its file: a 404 is never
 * cached for a year. Every file may come precompressed (serveStatic's `precompressed`), so a
 * shared cache keys them by Accept-Encoding.
 */
export function staticCaching(): MiddlewareHandler {
  return async function staticCaching(c, next) {
    await next();
    if (c.req.path.startsWith('/api/')) return;
    if (c.res.status !== 200 && c.res.status !== 206 && c.res.status !== 304) return;
    c.header('cache-control', cacheControlFor(c.req.path));
    if (!/\baccept-encoding\b/i.test(c.res.headers.get('vary') ?? '')) c.header('vary', 'Accept-Encoding', { append: true });
  };
}
